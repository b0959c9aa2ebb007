// The store a standalone fake starts from when given no configuration
// (docs/fakes/README.md, "Default store"): users alice (password alice-pw) and bob (bob-pw),
// each with INBOX and the RFC 6154 special-use mailboxes, and three sample
// messages in alice's INBOX: plain ASCII, an RFC 2047 encoded UTF-8
// subject, and a multipart/mixed with a small base64 attachment (\Seen).
// Dates are fixed, so every run serves the same bytes.
#pragma once

#include "fakes/store/mail_store.hpp"

namespace conformance::fakes::store {

void load_default_dataset(MailStore& store);

// The special-use mailboxes every default user gets: Sent, Drafts, Trash, Junk, Archive.
void add_special_use_mailboxes(MailStore& store, std::string_view user);

}  // namespace conformance::fakes::store
