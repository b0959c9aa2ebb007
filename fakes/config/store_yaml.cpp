#include "fakes/config/store_yaml.hpp"

#include "fakes/config/yaml_support.hpp"
#include "fakes/store/default_dataset.hpp"
#include "harness/codec/mime/mbox.hpp"
#include "harness/common/civil_time.hpp"
#include "harness/scenario/fixtures.hpp"
#include "harness/scenario/load_context.hpp"

#include <algorithm>
#include <cctype>

namespace conformance::fakes::config {
namespace {

using scenario::Fields;

// The users load_default_dataset adds (docs/fakes/README.md, "Default store").
const std::vector<std::string> kDefaultUsers = {"alice", "bob"};

// RFC 6154 §2 (and RFC 9051 §7.3.1 for \All, \Flagged, \Junk).
const std::vector<std::string> kSpecialUses = {"\\All", "\\Archive", "\\Drafts", "\\Flagged",
                                               "\\Junk", "\\Sent", "\\Trash"};
// RFC 9051 §2.3.2: system flags a message can carry in the store.
const std::vector<std::string> kSystemFlags = {"\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft"};

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_inbox(std::string_view name) { return same_ignoring_case(name, "INBOX"); }

// RFC 9051 §9: a flag keyword is an atom.
bool is_atom(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte > 0x20 && byte < 0x7f && std::string_view("(){%*\"\\]").find(c) == std::string_view::npos;
  });
}

int two_digits(std::string_view text, std::size_t at) {
  if (at + 2 > text.size() || !std::isdigit(static_cast<unsigned char>(text[at])) ||
      !std::isdigit(static_cast<unsigned char>(text[at + 1]))) {
    return -1;
  }
  return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

class StoreReader {
 public:
  StoreReader(const std::string& file, scenario::Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  StoreSeed read(const YAML::Node& node) {
    StoreSeed seed;
    Fields fields(node, file_, diagnostics_, "store");
    if (!fields.ok()) return seed;
    if (auto domain = fields.string("domain")) {
      if (domain->empty() || domain->find_first_of(" @\t\r\n") != std::string::npos) {
        fields.error(fields.get("domain"), "'domain' must be a domain name such as example.test");
      } else {
        seed.domain = *domain;
      }
    }
    seed.default_dataset = fields.boolean("default_dataset").value_or(false);
    const YAML::Node users = fields.get("users");
    if (users.IsDefined()) {
      if (!users.IsSequence()) {
        fields.error(users, "'users' must be a list of users, not " + scenario::describe_kind(users));
      } else {
        for (const auto& item : users) read_user(item, seed);
      }
    }
    fields.finish();
    return seed;
  }

 private:
  void read_user(const YAML::Node& node, StoreSeed& seed) {
    Fields fields(node, file_, diagnostics_, "a store user");
    if (!fields.ok()) return;
    SeedUser user;
    user.where = scenario::location_of(node, file_);
    const YAML::Node name_node = fields.get("name");
    if (auto name = fields.required_string("name")) {
      if (name->empty() || name->find_first_of(" \t\r\n\"") != std::string::npos) {
        fields.error(name_node, "a user name is one word without spaces or quotes");
      }
      for (const auto& other : seed.users) {
        if (other.name == *name) fields.error(name_node, "user '" + *name + "' is listed twice");
      }
      user.name = *name;
    }
    const bool extends_default =
        seed.default_dataset && std::find(kDefaultUsers.begin(), kDefaultUsers.end(), user.name) != kDefaultUsers.end();
    const YAML::Node password_node = fields.get("password");
    if (auto password = fields.string("password")) {
      if (extends_default) {
        fields.error(password_node, "user '" + user.name +
                                        "' comes from the default dataset with its documented password; leave "
                                        "'password' out to add mailboxes or messages to it");
      } else if (password->empty()) {
        fields.error(password_node, "'password' is empty");
      }
      user.password = *password;
    } else if (!extends_default && !password_node.IsDefined()) {
      fields.error(node, "a store user needs 'password'");
    }
    for (const auto& address : fields.strings("addresses")) {
      if (address.find('@') == std::string::npos || address.find_first_of(" \t\r\n<>") != std::string::npos) {
        fields.error(fields.get("addresses"), "'" + address + "' is not a mail address such as carol@example.test");
      }
      user.addresses.push_back(address);
    }
    const YAML::Node mailboxes = fields.get("mailboxes");
    if (mailboxes.IsDefined()) {
      if (!mailboxes.IsSequence()) {
        fields.error(mailboxes, "'mailboxes' must be a list, not " + scenario::describe_kind(mailboxes));
      } else {
        for (const auto& item : mailboxes) read_mailbox(item, user);
      }
    }
    const YAML::Node messages = fields.get("messages");
    if (messages.IsDefined()) {
      if (!messages.IsSequence()) {
        fields.error(messages, "'messages' must be a list, not " + scenario::describe_kind(messages));
      } else {
        for (const auto& item : messages) read_message(item, user);
      }
    }
    fields.finish();
    seed.users.push_back(std::move(user));
  }

  void read_mailbox(const YAML::Node& node, SeedUser& user) {
    SeedMailbox mailbox;
    if (node.IsScalar()) {
      mailbox.name = node.Scalar();
    } else {
      Fields fields(node, file_, diagnostics_, "a store mailbox");
      if (!fields.ok()) return;
      if (auto name = fields.required_string("name")) mailbox.name = *name;
      const YAML::Node use_node = fields.get("special_use");
      if (auto use = fields.string("special_use")) {
        auto known = std::find_if(kSpecialUses.begin(), kSpecialUses.end(),
                                  [&](const std::string& u) { return same_ignoring_case(u, *use); });
        if (known == kSpecialUses.end()) {
          fields.error(use_node, "unknown special use '" + *use + "' (RFC 6154: " + scenario::join(kSpecialUses) + ")");
        } else {
          mailbox.special_use = *known;
        }
      }
      mailbox.subscribed = fields.boolean("subscribed").value_or(false);
      fields.finish();
    }
    if (mailbox.name.empty() || mailbox.name.find_first_of("\r\n") != std::string::npos) {
      diagnostics_.push_back({scenario::location_of(node, file_), "a mailbox name is one non-empty line"});
      return;
    }
    if (is_inbox(mailbox.name)) mailbox.name = "INBOX";
    user.mailboxes.push_back(std::move(mailbox));
  }

  void read_message(const YAML::Node& node, SeedUser& user) {
    Fields fields(node, file_, diagnostics_, "a store message");
    if (!fields.ok()) return;
    const std::size_t errors_before = diagnostics_.size();
    SeedMessage message;
    if (auto mailbox = fields.string("mailbox")) {
      if (mailbox->empty()) fields.error(fields.get("mailbox"), "'mailbox' is empty");
      message.mailbox = is_inbox(*mailbox) ? std::string("INBOX") : *mailbox;
    }
    for (const auto& flag : fields.strings("flags")) {
      if (auto problem = check_flag(flag)) {
        fields.error(fields.get("flags"), *problem);
      } else {
        message.flags.push_back(flag);
      }
    }
    const YAML::Node date_node = fields.get("internal_date");
    if (auto date = fields.string("internal_date")) {
      if (auto parsed = parse_rfc3339(*date)) {
        message.internal_date = parsed->first;
        message.internal_date_offset_minutes = parsed->second;
      } else {
        fields.error(date_node, "'internal_date' must be an RFC 3339 date-time such as 2026-11-02T09:15:00Z or "
                                "2026-11-02T09:15:00+01:00, not '" + *date + "'");
      }
    }
    const int sources = int(fields.has("file")) + int(fields.has("text")) + int(fields.has("mbox"));
    if (sources != 1) {
      fields.error(node, "a store message needs exactly one of 'file' (an .eml), 'mbox' (an mbox file of "
                         "messages) or 'text'");
    }
    std::vector<SeedMessage> read;
    if (auto loaded = file_field(fields, "file", kMaxFixtureFileBytes)) {
      message.bytes = scenario::crlf_line_ends(loaded->content);
      read.push_back(message);
    }
    if (auto text = fields.string("text")) {
      message.bytes = scenario::crlf_line_ends(*text);
      read.push_back(message);
    }
    const YAML::Node mbox_node = fields.get("mbox");
    if (auto loaded = file_field(fields, "mbox", kMaxFixtureFileBytes)) {
      for (auto& from_mbox : read_mbox(*loaded, mbox_node, message)) read.push_back(std::move(from_mbox));
    }
    fields.finish();
    if (diagnostics_.size() != errors_before) return;
    for (auto& one : read) {
      if (one.bytes.empty()) {
        fields.error(node, "the message is empty");
        return;
      }
      user.messages.push_back(std::move(one));
    }
  }

  std::vector<SeedMessage> read_mbox(const LoadedFile& loaded, const YAML::Node& at, const SeedMessage& like);

  std::optional<std::string> check_flag(const std::string& flag) const {
    if (flag.starts_with('\\')) {
      if (same_ignoring_case(flag, "\\Recent")) return std::string("\\Recent is the server's, not stored (RFC 9051)");
      for (const auto& known : kSystemFlags) {
        if (same_ignoring_case(known, flag)) return std::nullopt;
      }
      return "unknown system flag '" + flag + "' (known: " + scenario::join(kSystemFlags) + ")";
    }
    if (!is_atom(flag)) return "flag '" + flag + "' is not an IMAP atom (no spaces, controls or ( ) { % * \" \\ ])";
    return std::nullopt;
  }

  const std::string& file_;
  scenario::Diagnostics& diagnostics_;
};

// Each message of the file, with the entry's mailbox and flags. The From_
// line's date is the INTERNALDATE unless the entry gives one, and the
// Status/X-Status fields add their flags, as an mbox-reading server would.
std::vector<SeedMessage> StoreReader::read_mbox(const LoadedFile& loaded, const YAML::Node& at, const SeedMessage& like) {
  std::vector<SeedMessage> out;
  const auto complain = [&](const std::string& what) {
    diagnostics_.push_back({scenario::location_of(at, file_), loaded.path + ": " + what});
  };
  auto parsed = codec::mime::parse_mbox(loaded.content);
  if (!parsed) {
    complain("not an mbox file: " + parsed.error().message());
    return out;
  }
  if (parsed->empty()) {
    complain("the mbox file holds no messages");
    return out;
  }
  for (auto& from_file : *parsed) {
    if (from_file.bytes.empty()) {
      complain("line " + std::to_string(from_file.line) + ": the message that starts here is empty");
      return {};
    }
    SeedMessage message = like;
    message.bytes = scenario::crlf_line_ends(from_file.bytes);
    for (auto& flag : codec::mime::mbox_status_flags(message.bytes)) {
      if (std::find(message.flags.begin(), message.flags.end(), flag) == message.flags.end()) {
        message.flags.push_back(std::move(flag));
      }
    }
    if (!message.internal_date) {
      message.internal_date = from_file.delivered;
      message.internal_date_offset_minutes = from_file.delivered_offset_minutes;
    }
    out.push_back(std::move(message));
  }
  return out;
}

std::string where(const SeedUser& user) { return user.where.to_string() + ": user '" + user.name + "': "; }

}  // namespace

std::optional<StoreSeed::Login> StoreSeed::login(std::string_view name) const {
  Login login{std::string(name), "", std::string(name) + "@" + domain};
  if (default_dataset && std::find(kDefaultUsers.begin(), kDefaultUsers.end(), name) != kDefaultUsers.end()) {
    login.password = login.name + "-pw";  // load_default_dataset's documented passwords
  }
  bool found = !login.password.empty();
  for (const auto& user : users) {
    if (user.name != name) continue;
    found = true;
    if (!user.password.empty()) login.password = user.password;
    if (!user.addresses.empty()) login.address = user.addresses.front();
  }
  if (!found) return std::nullopt;
  return login;
}

std::vector<std::string> StoreSeed::user_names() const {
  std::vector<std::string> out;
  if (default_dataset) out = kDefaultUsers;
  for (const auto& user : users) {
    if (std::find(out.begin(), out.end(), user.name) == out.end()) out.push_back(user.name);
  }
  return out;
}

std::optional<std::pair<std::chrono::system_clock::time_point, int>> parse_rfc3339(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
      text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const int century = two_digits(text, 0), year_low = two_digits(text, 2);
  const int month = two_digits(text, 5), day = two_digits(text, 8);
  const int hour = two_digits(text, 11), minute = two_digits(text, 14), second = two_digits(text, 17);
  if (century < 0 || year_low < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 ||
      minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const std::size_t digits_from = at;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
    if (at == digits_from) return std::nullopt;
  }
  int offset = 0;
  if (at + 1 == text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    offset = 0;
  } else if (at + 6 == text.size() && (text[at] == '+' || text[at] == '-') && text[at + 3] == ':') {
    const int offset_hours = two_digits(text, at + 1), offset_minutes = two_digits(text, at + 4);
    if (offset_hours < 0 || offset_hours > 23 || offset_minutes < 0 || offset_minutes > 59) return std::nullopt;
    offset = (offset_hours * 60 + offset_minutes) * (text[at] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  const auto instant = instant_of({century * 100 + year_low, month, day, hour, minute, second, offset});
  if (!instant) return std::nullopt;
  return std::pair{*instant, offset};
}

StoreSeed read_store_seed(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics) {
  return StoreReader(file, diagnostics).read(node);
}

store::StoreOptions store_options(const StoreSeed& seed) {
  store::StoreOptions options;
  options.domain = seed.domain;
  return options;
}

Expected<void, std::string> seed_store(const StoreSeed& seed, store::MailStore& store) {
  if (seed.default_dataset) store::load_default_dataset(store);
  for (const SeedUser& user : seed.users) {
    if (!store.has_user(user.name)) {
      store::UserSpec spec{user.name, user.password, user.addresses};
      if (spec.addresses.empty()) spec.addresses.push_back(user.name + "@" + store.options().domain);
      if (!store.add_user(spec)) return where(user) + "cannot derive its SASL credentials";
    }
    for (const SeedMailbox& mailbox : user.mailboxes) {
      if (!store.find_mailbox(user.name, mailbox.name)) {
        auto created = store.create_mailbox(user.name, mailbox.name, mailbox.special_use);
        if (!created) {
          return where(user) + "mailbox '" + mailbox.name + "': " + std::string(store::to_string(created.error()));
        }
      } else if (!mailbox.special_use.empty() && store.find_mailbox(user.name, mailbox.name)->special_use() !=
                                                     mailbox.special_use) {
        return where(user) + "mailbox '" + mailbox.name + "' exists already with another special use";
      }
      if (mailbox.subscribed) (void)store.set_subscribed(user.name, mailbox.name, true);
    }
    for (const SeedMessage& message : user.messages) {
      if (!store.find_mailbox(user.name, message.mailbox)) {
        auto created = store.create_mailbox(user.name, message.mailbox);
        if (!created) {
          return where(user) + "mailbox '" + message.mailbox + "': " + std::string(store::to_string(created.error()));
        }
      }
      auto appended = store.append(user.name, message.mailbox, message.bytes, message.flags, message.internal_date,
                                   message.internal_date_offset_minutes);
      if (!appended) {
        return where(user) + "a message for '" + message.mailbox + "': " + std::string(store::to_string(appended.error()));
      }
    }
  }
  return {};
}

}  // namespace conformance::fakes::config
