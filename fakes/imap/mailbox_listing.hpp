// Which names a LIST command returns, and with which attributes: RFC 9051
// §6.3.9 with LIST-EXTENDED (RFC 5258: selection and return options,
// several patterns, \NonExistent, CHILDINFO) and SPECIAL-USE (RFC 6154),
// over one user's mailboxes and subscriptions. No wire: the session writes
// the responses, and the STATUS of LIST-STATUS (RFC 5819).
#pragma once

#include "fakes/store/mail_store.hpp"
#include "harness/codec/imap/command/command.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::fakes::imap {

struct ListedName {
  std::string name;           // UTF-8, as the store has it
  store::MailboxPtr mailbox;  // null: a subscription whose mailbox is gone (\NonExistent)
  std::vector<std::string> attributes;
  // CHILDINFO ("SUBSCRIBED") (RFC 5258 §3.5): a subscribed descendant the
  // patterns do not reach.
  bool subscribed_children = false;
};

struct ListInput {
  std::vector<store::MailboxPtr> mailboxes;  // sorted by name
  std::vector<std::string> subscriptions;    // sorted
  // A name as the client writes it in patterns: modified UTF-7 before
  // IMAP4rev2 (RFC 3501 §5.1.3), UTF-8 after.
  std::function<std::string(const std::string&)> as_sent;
};

// Each name at most once, in name order. A pattern of "" is the caller's
// (the delimiter reply of RFC 9051 §6.3.9).
std::vector<ListedName> list_mailboxes(const codec::imap::command::List& command, const ListInput& input);

// list-mailbox wildcards (RFC 9051 §6.3.9): "*" matches anything, "%"
// anything but the hierarchy delimiter; INBOX matches case-insensitively.
bool wildcard_match(std::string_view pattern, std::string_view name);

}  // namespace conformance::fakes::imap
