// The generic extension values of RFC 4466 §2.1 (tagged-ext-val).
#include "harness/codec/imap/command/extension_value.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::imap::command {
namespace {

ExtensionValue read_value(std::string_view text) {
  Reader reader(text);
  auto value = read_extension_value(reader);
  EXPECT_TRUE(reader.ok()) << text << ": " << reader.error().message();
  EXPECT_TRUE(reader.at_end()) << text;
  return value;
}

std::string written(const ExtensionValue& value) {
  Writer writer;
  write_extension_value(writer, value);
  return writer.bytes();
}

TEST(ImapExtensionValue, SimpleValueIsNumberOrSequenceSet) {
  EXPECT_EQ(read_value("9223372036854775807"), ExtensionValue::atom("9223372036854775807"));
  EXPECT_EQ(read_value("1:*,5"), ExtensionValue::atom("1:*,5"));
  EXPECT_EQ(read_value("$"), ExtensionValue::atom("$"));
}

TEST(ImapExtensionValue, RejectsSimpleValueThatIsNeither) {
  Reader reader("1::2");
  read_extension_value(reader);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error(), (ParseError{0, "number, sequence set or '('"}));
}

TEST(ImapExtensionValue, ListsNestAndHoldStrings) {
  const auto value = read_value("(a \"b c\" (1:* ()) {2}\r\nxy)");
  EXPECT_EQ(value, ExtensionValue::list({ExtensionValue::atom("a"), ExtensionValue::string("b c"),
                                         ExtensionValue::list({ExtensionValue::atom("1:*"), ExtensionValue::list({})}),
                                         ExtensionValue::string("xy")}));
  EXPECT_EQ(written(value), "(a \"b c\" (1:* ()) \"xy\")");
}

TEST(ImapExtensionValue, NestingIsBoundedByTheReaderDepth) {
  ReaderOptions options;
  options.max_depth = 4;
  Reader reader("(((((x)))))", options);
  read_extension_value(reader);
  EXPECT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().offset, 4u);
}

TEST(ImapExtensionValue, ParameterValueOnlyWhenOneStarts) {
  Reader reader("NAME1 NAME2 (v)");
  const Parameter first = read_parameter(reader);
  EXPECT_EQ(first, (Parameter{"NAME1", std::nullopt}));
  reader.sp();
  const Parameter second = read_parameter(reader);
  EXPECT_EQ(second, (Parameter{"NAME2", ExtensionValue::list({ExtensionValue::atom("v")})}));
  EXPECT_TRUE(reader.at_end());
}

TEST(ImapExtensionValue, LabelMustStartWithLetterOrPunctuation) {
  EXPECT_TRUE(is_tagged_label("X-FOO.bar:1"));
  EXPECT_TRUE(is_tagged_label("_x"));
  EXPECT_FALSE(is_tagged_label("1X"));
  EXPECT_FALSE(is_tagged_label(""));
}

}  // namespace
}  // namespace conformance::codec::imap::command
