#include "harness/scenario/fixtures.hpp"

#include "harness/scenario/loader.hpp"
#include "harness/scenario/yaml_fields.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace conformance::scenario {

namespace {

namespace fs = std::filesystem;

bool is_inbox(std::string_view name) {
  return name.size() == 5 && std::equal(name.begin(), name.end(), "INBOX", [](char a, char b) {
           return std::toupper(static_cast<unsigned char>(a)) == b;
         });
}

// RFC 9051 §2.3.2: the system flags a client may set. \Recent is the
// server's (and gone from IMAP4rev2); other backslash names are reserved.
const std::vector<std::string> kSystemFlags = {"\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft"};

// RFC 9051 §9: atom-specials, which a flag keyword cannot hold.
bool is_atom_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte <= 0x20 || byte >= 0x7f) return false;
  return std::string_view("(){%*\"\\]").find(c) == std::string_view::npos;
}

std::optional<std::string> check_flag(const std::string& flag) {
  if (flag.empty()) return "a flag cannot be empty";
  if (flag[0] == '\\') {
    for (const auto& known : kSystemFlags) {
      if (known.size() == flag.size() && std::equal(known.begin(), known.end(), flag.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
          })) {
        return std::nullopt;
      }
    }
    if (flag.size() == 7 && std::equal(flag.begin(), flag.end(), "\\recent", [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
      return "\\Recent cannot be set by a client (RFC 3501 §2.3.2)";
    }
    return "unknown system flag '" + flag + "' (known: " + join(kSystemFlags) + ")";
  }
  if (!std::all_of(flag.begin(), flag.end(), is_atom_char)) {
    return "flag '" + flag + "' is not an IMAP atom (no spaces, controls or any of ( ) { % * \" \\ ])";
  }
  return std::nullopt;
}

class FixtureReader {
 public:
  explicit FixtureReader(const LoadContext& context) : context_(context) {}

  Fixtures read(const YAML::Node& node) {
    Fixtures fixtures;
    Fields fields(node, context_.file, context_.diagnostics, "fixtures");
    const YAML::Node mailboxes = fields.get("mailboxes");
    if (mailboxes.IsDefined()) {
      if (!mailboxes.IsSequence()) {
        context_.error(mailboxes, "'mailboxes' must be a list of mailbox names, not " + describe_kind(mailboxes));
      } else {
        for (const auto& item : mailboxes) {
          auto name = mailbox_name(item, "'mailboxes' items");
          if (!name) continue;
          if (*name == "INBOX") {
            context_.error(item,
                           "INBOX always exists, so it cannot be a fixture mailbox (which is deleted after); "
                           "use `empty_inbox` and `messages`");
            continue;
          }
          if (std::find(fixtures.mailboxes.begin(), fixtures.mailboxes.end(), *name) != fixtures.mailboxes.end()) {
            context_.error(item, "mailbox '" + *name + "' is listed twice");
            continue;
          }
          fixtures.mailboxes.push_back(std::move(*name));
        }
      }
    }
    if (auto empty_inbox = fields.boolean("empty_inbox")) fixtures.empty_inbox = *empty_inbox;
    const YAML::Node messages = fields.get("messages");
    if (messages.IsDefined()) {
      if (!messages.IsSequence()) {
        context_.error(messages, "'messages' must be a list of messages, not " + describe_kind(messages));
      } else {
        for (const auto& item : messages) {
          if (auto message = read_message(item)) fixtures.messages.push_back(std::move(*message));
        }
      }
    }
    fields.finish();
    return fixtures;
  }

 private:
  // A mailbox name as written (variables unexpanded); any spelling of INBOX becomes "INBOX".
  std::optional<std::string> mailbox_name(const YAML::Node& node, std::string_view what) {
    auto name = scalar_string(node, context_.file, context_.diagnostics, what);
    if (!name) return std::nullopt;
    if (name->empty() || name->find_first_of("\r\n") != std::string::npos) {
      context_.error(node, std::string(what) + ": a mailbox name is one non-empty line");
      return std::nullopt;
    }
    context_.check_variables(*name, node, what);
    if (is_inbox(*name)) return std::string("INBOX");
    return name;
  }

  std::optional<FixtureMessage> read_message(const YAML::Node& node) {
    const std::size_t errors_before = context_.diagnostics.size();
    FixtureMessage message;
    message.where = location_of(node, context_.file);
    Fields fields(node, context_.file, context_.diagnostics, "fixture message");
    if (!fields.ok()) return std::nullopt;
    if (fields.has("mailbox")) {
      if (auto name = mailbox_name(fields.get("mailbox"), "'mailbox'")) message.mailbox = std::move(*name);
    }
    const bool has_file = fields.has("file");
    const bool has_text = fields.has("text");
    if (has_file == has_text) context_.error(node, "a fixture message needs either 'file' or 'text'");
    if (has_file) {
      const YAML::Node file = fields.get("file");
      if (auto path = scalar_string(file, context_.file, context_.diagnostics, "'file'")) {
        if (auto content = context_.read_fixture_file(*path, file)) message.content = crlf_line_ends(*content);
      }
    }
    if (has_text) {
      if (auto text = fields.string("text")) message.content = crlf_line_ends(*text);
    }
    if (errors_before == context_.diagnostics.size() && message.content.empty()) {
      context_.error(node, "the fixture message is empty");
    }
    const YAML::Node flags = fields.get("flags");
    if (flags.IsDefined()) {
      if (!flags.IsSequence()) {
        context_.error(flags,
                       "'flags' must be a list such as [\"\\\\Seen\", \"$Label1\"], not " + describe_kind(flags));
      } else {
        for (const auto& item : flags) {
          auto flag = scalar_string(item, context_.file, context_.diagnostics, "'flags' items");
          if (!flag) continue;
          if (auto problem = check_flag(*flag)) {
            context_.error(item, *problem);
            continue;
          }
          message.flags.push_back(std::move(*flag));
        }
      }
    }
    fields.finish();
    if (context_.diagnostics.size() != errors_before) return std::nullopt;
    return message;
  }


  const LoadContext& context_;
};

bool is_private_name(std::string_view name) {
  return name.find("${mailbox}") != std::string_view::npos || name.find("${unique}") != std::string_view::npos;
}

}  // namespace

Fixtures read_fixtures(const YAML::Node& node, const LoadContext& context) { return FixtureReader(context).read(node); }

std::optional<std::string> shared_mailbox(const Fixtures& fixtures) {
  if (fixtures.empty_inbox) return std::string("INBOX");
  for (const auto& name : fixtures.mailboxes) {
    if (!is_private_name(name)) return name;
  }
  for (const auto& message : fixtures.messages) {
    if (!is_private_name(message.mailbox)) return message.mailbox;
  }
  return std::nullopt;
}

std::string crlf_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

}  // namespace conformance::scenario
