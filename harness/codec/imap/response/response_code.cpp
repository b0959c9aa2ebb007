#include "harness/codec/imap/response/response_code.hpp"

#include <iterator>

#include "harness/codec/imap/chars.hpp"
#include "harness/codec/imap/section.hpp"

namespace conformance::codec::imap {
namespace {

struct NamedKind {
  CodeKind kind;
  std::string_view name;
};

constexpr NamedKind kCodeNames[] = {
    {CodeKind::alert, "ALERT"},
    {CodeKind::alreadyexists, "ALREADYEXISTS"},
    {CodeKind::appenduid, "APPENDUID"},
    {CodeKind::authenticationfailed, "AUTHENTICATIONFAILED"},
    {CodeKind::authorizationfailed, "AUTHORIZATIONFAILED"},
    {CodeKind::badcharset, "BADCHARSET"},
    {CodeKind::cannot, "CANNOT"},
    {CodeKind::capability, "CAPABILITY"},
    {CodeKind::clientbug, "CLIENTBUG"},
    {CodeKind::closed, "CLOSED"},
    {CodeKind::compressionactive, "COMPRESSIONACTIVE"},
    {CodeKind::contactadmin, "CONTACTADMIN"},
    {CodeKind::copyuid, "COPYUID"},
    {CodeKind::corruption, "CORRUPTION"},
    {CodeKind::expired, "EXPIRED"},
    {CodeKind::expungeissued, "EXPUNGEISSUED"},
    {CodeKind::haschildren, "HASCHILDREN"},
    {CodeKind::highestmodseq, "HIGHESTMODSEQ"},
    {CodeKind::inuse, "INUSE"},
    {CodeKind::limit, "LIMIT"},
    {CodeKind::modified, "MODIFIED"},
    {CodeKind::nomodseq, "NOMODSEQ"},
    {CodeKind::nonexistent, "NONEXISTENT"},
    {CodeKind::noperm, "NOPERM"},
    {CodeKind::notsaved, "NOTSAVED"},
    {CodeKind::overquota, "OVERQUOTA"},
    {CodeKind::parse, "PARSE"},
    {CodeKind::permanentflags, "PERMANENTFLAGS"},
    {CodeKind::privacyrequired, "PRIVACYREQUIRED"},
    {CodeKind::read_only, "READ-ONLY"},
    {CodeKind::read_write, "READ-WRITE"},
    {CodeKind::serverbug, "SERVERBUG"},
    {CodeKind::trycreate, "TRYCREATE"},
    {CodeKind::uidnext, "UIDNEXT"},
    {CodeKind::uidnotsticky, "UIDNOTSTICKY"},
    {CodeKind::uidvalidity, "UIDVALIDITY"},
    {CodeKind::unavailable, "UNAVAILABLE"},
    {CodeKind::unknown_cte, "UNKNOWN-CTE"},
    {CodeKind::unseen, "UNSEEN"},
};

// charset = atom / quoted (RFC 9051 §9; RFC 3501 allowed any astring).
std::string read_charset(Reader& r) {
  if (r.peek() == '"') return r.quoted();
  return std::string(r.atom());
}

// The arguments after the code's name, up to the closing "]" (excluded:
// `ctx` reads only the bracketed content).
void read_code_arguments(ParseContext& ctx, ResponseCode& code) {
  Reader& r = ctx.r;
  switch (code.kind) {
    case CodeKind::uidnext:
    case CodeKind::uidvalidity:
    case CodeKind::unseen:
      ctx.sp();
      code.number = r.nz_number();
      break;
    case CodeKind::highestmodseq:
      // mod-sequence-value: 1 <= n <= 2^63-1 (RFC 7162 §7)
      ctx.sp();
      code.number = r.nz_number64();
      break;
    case CodeKind::appenduid:
      // "APPENDUID" SP nz-number SP append-uid; a uid-set with MULTIAPPEND (RFC 4315 §4)
      ctx.sp();
      code.number = r.nz_number();
      ctx.sp();
      code.uids = read_sequence_set(r, SequenceSyntax::uid_set);
      break;
    case CodeKind::copyuid:
      ctx.sp();
      code.number = r.nz_number();
      ctx.sp();
      code.uids = read_sequence_set(r, SequenceSyntax::uid_set);
      ctx.sp();
      code.destination_uids = read_sequence_set(r, SequenceSyntax::uid_set);
      break;
    case CodeKind::modified:
      // "MODIFIED" SP sequence-set (RFC 7162 §7)
      ctx.sp();
      code.uids = read_sequence_set(r, SequenceSyntax::sequence_set);
      break;
    case CodeKind::badcharset:
      if (r.try_consume(' ')) {
        r.open();
        do {
          std::string charset = read_charset(r);
          if (!ctx.count_element()) break;
          code.list.push_back(std::move(charset));
        } while (ctx.more());
        ctx.close();
      }
      break;
    case CodeKind::capability:
      // capability-data needs at least one capability (IMAP4rev1 or IMAP4rev2)
      do {
        ctx.sp();
        std::string capability(r.atom());
        if (!ctx.count_element()) break;
        code.list.push_back(std::move(capability));
      } while (r.ok() && r.peek() == ' ');
      break;
    case CodeKind::permanentflags:
      ctx.sp();
      code.list = ctx.flag_list(/*allow_star=*/true);
      break;
    default:
      break;
  }
  if (r.ok() && !r.at_end()) r.fail("']'");
  if (!r.ok()) {
    code.list.clear();
    code.uids = {};
    code.destination_uids = {};
  }
}

bool is_code_text(std::string_view text) {
  return all_of(text, [](unsigned char c) { return is_text_char(c) && c != ']'; });
}

// The code inside "[...]": `content` is what lies between the brackets,
// starting at offset `at` of ctx's input. nullopt means the brackets are
// not a code at all, and belong to the text (resp-text's code is optional).
std::optional<ResponseCode> read_code(ParseContext& ctx, std::size_t at, std::string_view content) {
  std::vector<Leniency> leniencies;
  ParseContext sub(content, ctx.options(), &leniencies, ctx.base() + at);
  const std::string_view name = sub.r.atom();
  if (!sub.r.ok()) return std::nullopt;

  const auto kind = code_kind_named(name);
  if (kind) {
    ResponseCode code;
    code.kind = *kind;
    read_code_arguments(sub, code);
    if (sub.r.ok()) {
      if (auto* sink = ctx.leniency_sink()) sink->insert(sink->end(), leniencies.begin(), leniencies.end());
      return code;
    }
    // A known code whose arguments break its grammar: strictly an error
    // there; leniently kept as a generic code (or as text), and reported.
    const ParseError error = sub.r.error();
    if (!ctx.tolerate(at + error.offset, "malformed " + std::string(code_name(*kind)) + " response code kept as generic",
                      error.expected))
      return std::nullopt;
  }

  // atom [SP 1*<any TEXT-CHAR except "]">]
  const std::string_view after = content.substr(name.size());
  ResponseCode code;
  code.name = std::string(name);
  if (after.empty()) return code;
  if (after.size() < 2 || after[0] != ' ' || !is_code_text(after.substr(1))) return std::nullopt;
  code.text = std::string(after.substr(1));
  return code;
}

void skip(Reader& r, std::size_t count) {
  for (std::size_t i = 0; i < count && r.ok() && !r.at_end(); ++i) r.try_consume(r.peek());
}

void write_charset(Writer& writer, const std::string& charset) {
  if (is_atom(charset))
    writer.atom(charset);
  else
    writer.quoted(charset);
}

}  // namespace

std::string_view code_name(CodeKind kind) {
  for (const auto& entry : kCodeNames)
    if (entry.kind == kind) return entry.name;
  return {};
}

std::optional<CodeKind> code_kind_named(std::string_view name) {
  for (const auto& entry : kCodeNames)
    if (iequals(entry.name, name)) return entry.kind;
  return std::nullopt;
}

ResponseCode make_code(CodeKind kind, std::uint64_t number) {
  ResponseCode code;
  code.kind = kind;
  code.number = number;
  return code;
}

ResponseText read_response_text(ParseContext& ctx) {
  Reader& r = ctx.r;
  ResponseText out;
  if (r.ok() && r.peek() == '[') {
    const std::string_view rest = r.rest();
    const std::size_t close = rest.find_first_of("]\r\n");
    if (close != std::string_view::npos && rest[close] == ']') {
      auto code = read_code(ctx, r.offset() + 1, rest.substr(1, close - 1));
      if (!r.ok()) return {};
      if (code) {
        skip(r, close + 1);
        out.code = std::move(*code);
        // RFC 9051 §9 wants SP after "]", but its own examples (§7.1
        // "e NO [CONTACTADMIN]", RFC 7162 "* OK [HIGHESTMODSEQ n]") end
        // the line there; text is optional in IMAP4rev2, so both are accepted.
        if (!r.try_consume(' ') && !r.at_line_end())
          ctx.tolerate(r.offset(), "no SP after a response code", "SP after ']'");
      }
    }
  }
  out.text = std::string(r.text(/*allow_empty=*/true));
  if (!r.ok()) return {};
  return out;
}

void write_response_code(Writer& writer, const ResponseCode& code) {
  writer.raw("[");
  if (code.kind == CodeKind::other) {
    writer.raw(code.name);
    if (code.text) writer.sp().raw(*code.text);
    writer.raw("]");
    return;
  }
  writer.raw(code_name(code.kind));
  switch (code.kind) {
    case CodeKind::uidnext:
    case CodeKind::uidvalidity:
    case CodeKind::unseen:
    case CodeKind::highestmodseq:
      writer.sp().number(code.number);
      break;
    case CodeKind::appenduid:
      writer.sp().number(code.number).sp();
      write_sequence_set(writer, code.uids);
      break;
    case CodeKind::copyuid:
      writer.sp().number(code.number).sp();
      write_sequence_set(writer, code.uids);
      writer.sp();
      write_sequence_set(writer, code.destination_uids);
      break;
    case CodeKind::modified:
      writer.sp();
      write_sequence_set(writer, code.uids);
      break;
    case CodeKind::badcharset:
      if (!code.list.empty()) {
        writer.sp().open();
        for (std::size_t i = 0; i < code.list.size(); ++i) {
          if (i > 0) writer.sp();
          write_charset(writer, code.list[i]);
        }
        writer.close();
      }
      break;
    case CodeKind::capability:
      for (const auto& capability : code.list) writer.sp().atom(capability);
      break;
    case CodeKind::permanentflags:
      writer.sp();
      write_flag_list(writer, code.list);
      break;
    default:
      break;
  }
  writer.raw("]");
}

void write_response_text(Writer& writer, const ResponseText& text) {
  if (text.code) {
    write_response_code(writer, *text.code);
    writer.sp();
  }
  writer.raw(text.text);
}

}  // namespace conformance::codec::imap
