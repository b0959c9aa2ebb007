#include "harness/codec/smtp/data.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::smtp {
namespace {

using Kind = DataAnomaly::Kind;

std::string_view bytes_of(LineBreak b) {
  switch (b) {
    case LineBreak::crlf: return "\r\n";
    case LineBreak::lf: return "\n";
    case LineBreak::cr: return "\r";
  }
  return "";
}

DataDecoderOptions accepting(EndOfDataForm form) {
  DataDecoderOptions options;
  options.policy = EndOfDataPolicy::accepting({form});
  return options;
}

TEST(SmtpDataEncoder, DotStuffsLinesStartingWithAPeriod) {
  // RFC 5321 §4.5.2
  EXPECT_EQ(encode_data("a\r\n.b\r\n"), "a\r\n..b\r\n.\r\n");
  EXPECT_EQ(encode_data(".\r\n"), "..\r\n.\r\n");
  EXPECT_EQ(encode_data("x\r\n..\r\n"), "x\r\n...\r\n.\r\n");
}

TEST(SmtpDataEncoder, AddsTheFinalCrlfWhenMissing) {
  // RFC 5321 §4.1.1.4: the originating client adds CRLF to a last line without one.
  EXPECT_EQ(encode_data("no newline"), "no newline\r\n.\r\n");
  EXPECT_EQ(encode_data("ends in LF\n"), "ends in LF\n\r\n.\r\n");
}

TEST(SmtpDataEncoder, EncodesAnEmptyBodyAsTheTerminatorAlone) { EXPECT_EQ(encode_data(""), ".\r\n"); }

TEST(SmtpDataEncoder, NormalizesLineEndingsWhenAsked) {
  DataEncoderOptions options;
  options.normalize_line_endings = true;
  EXPECT_EQ(encode_data("a\nb\rc\r\n.d\n", options), "a\r\nb\r\nc\r\n..d\r\n.\r\n");
}

TEST(SmtpDataEncoder, KeepsBareLineBreaksByDefault) {
  // A dot after a bare LF does not start a line (only CRLF ends one), so it is not stuffed.
  EXPECT_EQ(encode_data("a\n.\nb\r\n"), "a\n.\nb\r\n.\r\n");
}

TEST(SmtpDataDecoder, FindsTheEndAndUnstuffs) {
  // RFC 5321 Appendix D.1: the line "...etc. etc. etc." on the wire is
  // "..etc. etc. etc." in the message.
  DecodedData data = decode_data("Blah blah blah...\r\n...etc. etc. etc.\r\n.\r\n");
  EXPECT_TRUE(data.complete);
  EXPECT_EQ(data.body, "Blah blah blah...\r\n..etc. etc. etc.\r\n");
  EXPECT_EQ(data.end_form, (EndOfDataForm{LineBreak::crlf, LineBreak::crlf}));
  EXPECT_TRUE(data.anomalies.empty());
}

TEST(SmtpDataDecoder, StopsAtTheEndAndLeavesTheNextCommand) {
  const std::string stream = "Hi\r\n.\r\nQUIT\r\n";
  DecodedData data = decode_data(stream);
  EXPECT_TRUE(data.complete);
  EXPECT_EQ(data.consumed, 7u);
  EXPECT_EQ(stream.substr(data.consumed), "QUIT\r\n");
}

TEST(SmtpDataDecoder, TerminatorAtTheStartIsAnEmptyMessage) {
  DecodedData data = decode_data(".\r\nQUIT\r\n");
  EXPECT_TRUE(data.complete);
  EXPECT_EQ(data.body, "");
  EXPECT_EQ(data.consumed, 3u);
}

TEST(SmtpDataDecoder, NeedsMoreUntilTheTerminatorIsComplete) {
  for (std::string_view partial : {"Hi\r\n", "Hi\r\n.", "Hi\r\n.\r", "Hi"}) {
    DecodedData data = decode_data(partial);
    EXPECT_FALSE(data.complete) << partial;
    EXPECT_EQ(data.consumed, partial.size());
  }
}

TEST(SmtpDataDecoder, TerminatorSplitAcrossFeedsIsFound) {
  DataDecoder decoder;
  EXPECT_EQ(decoder.feed("Hi\r"), 3u);
  EXPECT_EQ(decoder.feed("\n."), 2u);
  EXPECT_EQ(decoder.feed("\r"), 1u);
  EXPECT_FALSE(decoder.finished());
  EXPECT_EQ(decoder.feed("\nRSET\r\n"), 1u);
  EXPECT_TRUE(decoder.finished());
  EXPECT_EQ(decoder.body(), "Hi\r\n");
  EXPECT_EQ(decoder.consumed(), 7u);
  EXPECT_EQ(decoder.feed("more"), 0u);
}

TEST(SmtpDataDecoder, ReportsBareCrAndBareLfWithTheirOffsets) {
  DecodedData data = decode_data("a\nb\rc\r\n.\r\n");
  EXPECT_TRUE(data.complete);
  EXPECT_EQ(data.body, "a\nb\rc\r\n");
  EXPECT_EQ(data.anomalies, (std::vector<DataAnomaly>{{Kind::bare_lf, 1, {}}, {Kind::bare_cr, 3, {}}}));
}

TEST(SmtpDataDecoder, KeepsTheDotAfterABareLineBreak) {
  DecodedData data = decode_data("a\n.b\r\n.\r\n");
  EXPECT_EQ(data.body, "a\n.b\r\n");
}

TEST(SmtpDataDecoder, GivesTheSameResultFedByteByByte) {
  const std::string stream = "x\r\n..y\n.\nz\r.\r\r\n.\n.\r\nafter";
  DecodedData whole = decode_data(stream);
  DataDecoder decoder;
  std::size_t consumed = 0;
  for (char c : stream) consumed += decoder.feed(std::string_view(&c, 1));
  EXPECT_EQ(decoder.finished(), whole.complete);
  EXPECT_EQ(consumed, whole.consumed);
  EXPECT_EQ(decoder.body(), whole.body);
  EXPECT_EQ(decoder.anomalies(), whole.anomalies);
  EXPECT_EQ(decoder.end_form(), whole.end_form);
}

TEST(SmtpDataDecoder, SizeCapTruncatesTheBodyButStillFindsTheEnd) {
  DataDecoderOptions options;
  options.max_message_size = 4;
  DecodedData data = decode_data("abcdefgh\r\n.\r\nQUIT\r\n", options);
  EXPECT_TRUE(data.complete);
  EXPECT_TRUE(data.size_exceeded);
  EXPECT_EQ(data.body, "abcd");
  EXPECT_EQ(data.consumed, 13u);
}

TEST(SmtpDataDecoder, ReportsLinesLongerThanTheTextLineLimit) {
  // RFC 5321 §4.5.3.1.6: 1000 octets with CRLF; the stuffed dot does not count.
  const std::string at_limit = "." + std::string(998, 'x') + "\r\n";  // 998 + CRLF after unstuffing
  EXPECT_TRUE(decode_data(at_limit + ".\r\n").anomalies.empty());
  const std::string over = "ok\r\n" + std::string(999, 'x') + "\r\n.\r\n";
  EXPECT_EQ(decode_data(over).anomalies, (std::vector<DataAnomaly>{{Kind::line_too_long, 4, {}}}));
}

TEST(SmtpDataDecoder, CapsTheNumberOfRecordedAnomalies) {
  DataDecoderOptions options;
  options.max_anomalies = 2;
  DataDecoder decoder(options);
  decoder.feed("\n\n\n\n\r\n.\r\n");
  EXPECT_TRUE(decoder.finished());
  EXPECT_EQ(decoder.anomalies().size(), 2u);
  EXPECT_EQ(decoder.anomalies_dropped(), 2u);
}

TEST(SmtpDataDecoder, ResetStartsANewMessage) {
  DataDecoder decoder;
  decoder.feed("a\r\n.\r\n");
  decoder.reset();
  EXPECT_FALSE(decoder.finished());
  decoder.feed(".\r\n");
  EXPECT_TRUE(decoder.finished());
  EXPECT_EQ(decoder.body(), "");
}

TEST(SmtpDataDecoder, EncodeThenDecodeGivesTheBody) {
  for (std::string_view body : {"", "a\r\n", ".\r\n", "..\r\n.\r\n", "x\n.\ny\r\n", "\r\n\r\n", "a\r\n.\rb\r\n"}) {
    DecodedData data = decode_data(encode_data(body));
    EXPECT_TRUE(data.complete) << body;
    EXPECT_EQ(data.body, body);
    EXPECT_EQ(data.consumed, encode_data(body).size());
  }
}

TEST(SmtpDataPolicy, StrictAcceptsOnlyTheCanonicalForm) {
  const EndOfDataPolicy strict = EndOfDataPolicy::strict();
  EXPECT_TRUE(strict.accepts({LineBreak::crlf, LineBreak::crlf}));
  EXPECT_FALSE(strict.accepts({LineBreak::lf, LineBreak::lf}));
  const EndOfDataPolicy any = EndOfDataPolicy::any_line_break();
  for (LineBreak before : {LineBreak::crlf, LineBreak::lf, LineBreak::cr})
    for (LineBreak after : {LineBreak::crlf, LineBreak::lf, LineBreak::cr}) EXPECT_TRUE(any.accepts({before, after}));
}

TEST(SmtpDataPolicy, NamesFormsTheWayAdvisoriesDo) {
  EXPECT_EQ((EndOfDataForm{LineBreak::lf, LineBreak::lf}).to_string(), "<LF>.<LF>");
  EXPECT_EQ((EndOfDataForm{LineBreak::crlf, LineBreak::cr}).to_string(), "<CR><LF>.<CR>");
}

// Every non-canonical end-of-data sequence used in SMTP smuggling.
class SmtpSmuggling : public testing::TestWithParam<EndOfDataForm> {
 protected:
  static constexpr std::string_view kPrefix = "Subject: x\r\nbody";  // 16 octets
  std::string stream() const {
    return std::string(kPrefix) + std::string(bytes_of(GetParam().before)) + "." +
           std::string(bytes_of(GetParam().after)) + "smuggled\r\n.\r\n";
  }
  // The bare CR / bare LF anomalies the two line breaks carry, in the order met.
  std::vector<DataAnomaly> bare_breaks() const {
    std::vector<DataAnomaly> out;
    const EndOfDataForm form = GetParam();
    const std::uint64_t before_at = kPrefix.size();
    const std::uint64_t after_at = before_at + bytes_of(form.before).size() + 1;
    if (form.before == LineBreak::lf) out.push_back({Kind::bare_lf, before_at, {}});
    if (form.before == LineBreak::cr) out.push_back({Kind::bare_cr, before_at, {}});
    if (form.after == LineBreak::lf) out.push_back({Kind::bare_lf, after_at, {}});
    if (form.after == LineBreak::cr) out.push_back({Kind::bare_cr, after_at, {}});
    return out;
  }
};

TEST_P(SmtpSmuggling, StrictDecoderDoesNotEndDataAndReportsTheCandidate) {
  const EndOfDataForm form = GetParam();
  DecodedData data = decode_data(stream());
  ASSERT_TRUE(data.complete);
  EXPECT_EQ(data.end_form, (EndOfDataForm{LineBreak::crlf, LineBreak::crlf}));
  EXPECT_EQ(data.consumed, stream().size());
  // The dot after CRLF is a transparency dot and goes; after a bare break it is data.
  const std::string dot = form.before == LineBreak::crlf ? "" : ".";
  EXPECT_EQ(data.body, std::string(kPrefix) + std::string(bytes_of(form.before)) + dot +
                           std::string(bytes_of(form.after)) + "smuggled\r\n");
  std::vector<DataAnomaly> expected = bare_breaks();
  expected.push_back({Kind::end_of_data_candidate, kPrefix.size(), form});
  EXPECT_EQ(data.anomalies, expected);
}

TEST_P(SmtpSmuggling, PolicyAcceptingTheFormEndsDataThere) {
  const EndOfDataForm form = GetParam();
  DecodedData data = decode_data(stream(), accepting(form));
  ASSERT_TRUE(data.complete);
  EXPECT_EQ(data.end_form, form);
  EXPECT_EQ(data.body, std::string(kPrefix) + std::string(bytes_of(form.before)));
  // A bare CR after the dot ends it by itself; what follows is not consumed.
  const std::size_t after = form.after == LineBreak::cr ? 1 : bytes_of(form.after).size();
  EXPECT_EQ(data.consumed, kPrefix.size() + bytes_of(form.before).size() + 1 + after);
  EXPECT_EQ(stream().substr(data.consumed), "smuggled\r\n.\r\n");
  std::vector<DataAnomaly> expected = bare_breaks();
  expected.push_back({Kind::non_canonical_end, kPrefix.size(), form});
  EXPECT_EQ(data.anomalies, expected);
}

TEST_P(SmtpSmuggling, ChunkedFeedingGivesTheSameResult) {
  const std::string input = stream();
  for (const DataDecoderOptions& options : {DataDecoderOptions{}, accepting(GetParam())}) {
    DecodedData whole = decode_data(input, options);
    DataDecoder decoder(options);
    std::size_t consumed = 0;
    for (std::size_t at = 0; at < input.size(); at += 2) consumed += decoder.feed(std::string_view(input).substr(at, 2));
    EXPECT_EQ(consumed, whole.consumed);
    EXPECT_EQ(decoder.body(), whole.body);
    EXPECT_EQ(decoder.anomalies(), whole.anomalies);
  }
}

std::string form_name(const testing::TestParamInfo<EndOfDataForm>& info) {
  auto name = [](LineBreak b) {
    switch (b) {
      case LineBreak::crlf: return "CRLF";
      case LineBreak::lf: return "LF";
      case LineBreak::cr: return "CR";
    }
    return "";
  };
  return std::string(name(info.param.before)) + "_dot_" + name(info.param.after);
}

INSTANTIATE_TEST_SUITE_P(EveryNonCanonicalForm, SmtpSmuggling,
                         testing::Values(EndOfDataForm{LineBreak::lf, LineBreak::lf},
                                         EndOfDataForm{LineBreak::cr, LineBreak::cr},
                                         EndOfDataForm{LineBreak::lf, LineBreak::crlf},
                                         EndOfDataForm{LineBreak::crlf, LineBreak::lf},
                                         EndOfDataForm{LineBreak::lf, LineBreak::cr},
                                         EndOfDataForm{LineBreak::cr, LineBreak::lf},
                                         EndOfDataForm{LineBreak::crlf, LineBreak::cr},
                                         EndOfDataForm{LineBreak::cr, LineBreak::crlf}),
                         form_name);

}  // namespace
}  // namespace conformance::codec::smtp
