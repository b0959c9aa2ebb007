// The `store:` section (docs/fakes/config.md): the users the fakes know,
// their mailboxes and the messages in them, from .eml files, mbox files or
// text written inline.
//
//   store:
//     default_dataset: true        # alice / bob and their sample mail first
//     users:
//       - name: carol
//         password: carol-pw
//         mailboxes: [{name: Sent, special_use: "\\Sent"}]
//         messages:
//           - {file: ../fixtures/simple.eml, flags: ["\\Seen"]}
//           - {mbox: fixtures/archive.mbox, mailbox: Archive}
//           - {text: "Subject: hi\n\nhello\n", internal_date: "2026-11-02T09:15:00+01:00"}
//
// Reading checks everything a file can get wrong (and reads the files);
// seed_store then fills a MailStore.
#pragma once

#include "fakes/store/mail_store.hpp"
#include "harness/common/expected.hpp"
#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace conformance::fakes::config {

struct SeedMessage {
  std::string mailbox = "INBOX";
  std::string bytes;  // CRLF line ends
  std::vector<std::string> flags;
  std::optional<std::chrono::system_clock::time_point> internal_date;
  int internal_date_offset_minutes = 0;
};

struct SeedMailbox {
  std::string name;
  std::string special_use;  // "\Sent", ... or ""
  bool subscribed = false;
};

struct SeedUser {
  std::string name;
  std::string password;  // empty for a user of the default dataset being extended
  std::vector<std::string> addresses;
  std::vector<SeedMailbox> mailboxes;
  std::vector<SeedMessage> messages;
  scenario::SourceLocation where;
};

struct StoreSeed {
  std::string domain = "example.test";
  bool default_dataset = false;  // alice and bob with sample mail (docs/fakes/README.md, "Default store") first
  std::vector<SeedUser> users;

  struct Login {
    std::string name;
    std::string password;
    std::string address;  // the first one
  };
  // How a client logs in as `user`, or nullopt if the store will not have it.
  std::optional<Login> login(std::string_view user) const;

  // The names of the users the store will have (default dataset included), in order.
  std::vector<std::string> user_names() const;
};

StoreSeed read_store_seed(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics);

// The options a MailStore for this seed is built with.
store::StoreOptions store_options(const StoreSeed& seed);

// Fills `store` (built with store_options(seed)). The error names the user's place in the file.
Expected<void, std::string> seed_store(const StoreSeed& seed, store::MailStore& store);

// "2026-11-02T09:15:00Z" / "...+01:00" (RFC 3339 §5.6): the instant and the offset in minutes.
std::optional<std::pair<std::chrono::system_clock::time_point, int>> parse_rfc3339(std::string_view text);

}  // namespace conformance::fakes::config
