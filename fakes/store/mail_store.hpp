// The mail store every fake serves from: users, their mailboxes and
// messages, in memory. A message the fake SMTP server accepts for a local
// user lands in that user's INBOX, where the fake IMAP and POP3 servers see
// it.
//
// Single-threaded by design: all fakes of a run share one executor, so the
// store needs no locks. Sessions keep their own view of a mailbox (the UIDs
// they have announced, the MODSEQ they have reported) and catch up with the
// store when they may send untagged responses; `watch` tells an idle session
// that something changed.
#pragma once

#include "harness/codec/sasl/accounts.hpp"
#include "harness/common/expected.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::fakes::store {

using Uid = std::uint32_t;
using ModSeq = std::uint64_t;

// The hierarchy delimiter of every user's mailbox names (RFC 9051 §5.1).
inline constexpr char kHierarchyDelimiter = '/';

struct StoredMessage {
  Uid uid = 0;
  // Shared between the copies COPY and MOVE make; never modified.
  std::shared_ptr<const std::string> bytes;
  // System flags ("\Seen", "\Answered", "\Flagged", "\Deleted", "\Draft")
  // and keywords, sorted and unique. \Recent is not stored (RFC 9051 drops it).
  std::vector<std::string> flags;
  std::chrono::system_clock::time_point internal_date;
  int internal_date_offset_minutes = 0;  // the zone INTERNALDATE is shown in
  ModSeq modseq = 1;                     // of the last change (RFC 7162 §3.1)

  std::size_t size() const { return bytes ? bytes->size() : 0; }
  bool has_flag(std::string_view flag) const;  // case-insensitive, as IMAP flags are
};

class Mailbox {
 public:
  const std::string& name() const { return name_; }  // UTF-8, '/' between levels
  std::uint32_t uid_validity() const { return uid_validity_; }
  Uid uid_next() const { return uid_next_; }
  ModSeq highest_modseq() const { return highest_modseq_; }
  // "\Sent", "\Drafts", "\Trash", "\Junk", "\Archive", "\All", "\Flagged" (RFC 6154), or empty.
  const std::string& special_use() const { return special_use_; }
  bool deleted() const { return deleted_; }  // DELETEd while a session still held it

  // Ascending UID; a session's message sequence numbers are its own.
  const std::vector<StoredMessage>& messages() const { return messages_; }
  const StoredMessage* find(Uid uid) const;
  // Keywords ever used in this mailbox (for FLAGS / PERMANENTFLAGS).
  const std::vector<std::string>& keywords() const { return keywords_; }
  // UIDs expunged, with the MODSEQ of their expunge (for QRESYNC-style
  // catch-up and for sessions that must announce EXPUNGE).
  const std::vector<std::pair<Uid, ModSeq>>& expunged() const { return expunged_; }

 private:
  friend class MailStore;
  std::string name_;
  std::uint32_t uid_validity_ = 1;
  Uid uid_next_ = 1;
  ModSeq highest_modseq_ = 1;
  std::string special_use_;
  bool deleted_ = false;
  std::vector<StoredMessage> messages_;
  std::vector<std::string> keywords_;
  std::vector<std::pair<Uid, ModSeq>> expunged_;
  std::vector<std::pair<std::uint64_t, std::function<void()>>> watchers_;
};

using MailboxPtr = std::shared_ptr<Mailbox>;

struct UserSpec {
  std::string name;      // login name (authcid)
  std::string password;  // kept for PLAIN/LOGIN/CRAM-MD5 and SCRAM derivation; never logged
  // Addresses delivered to this user's INBOX; default: name@<store domain>.
  std::vector<std::string> addresses;
};

enum class StoreError {
  no_such_user,
  no_such_mailbox,
  mailbox_exists,
  invalid_name,    // empty, a leading/trailing/doubled delimiter, not UTF-8
  cannot_delete,   // INBOX (RFC 9051 §6.3.5)
  has_children,    // deleting a mailbox whose children remain and that has no \Noselect form here
  no_such_message,
};
std::string_view to_string(StoreError error);

template <class T>
using StoreResult = Expected<T, StoreError>;

enum class FlagChange { add, remove, replace };

struct FlagUpdate {
  Uid uid = 0;
  std::vector<std::string> flags;  // after the change
  ModSeq modseq = 0;
};

struct StoreFlagsResult {
  std::vector<FlagUpdate> updated;   // messages whose flags changed (or were touched: see silent)
  std::vector<Uid> failed_unchanged_since;  // CONDSTORE UNCHANGEDSINCE conflicts (RFC 7162 §3.1.3)
};

struct CopyResult {
  std::uint32_t destination_uid_validity = 0;
  std::vector<std::pair<Uid, Uid>> uids;  // source UID -> destination UID (UIDPLUS COPYUID)
};

struct StoreOptions {
  std::string domain = "example.test";  // default addresses: user@domain
  // UIDVALIDITY of new mailboxes: seed + a counter, so a run is reproducible.
  std::uint32_t uid_validity_seed = 1700000000;
  // INTERNALDATE of delivered mail when no clock is given (tests pin it).
  std::function<std::chrono::system_clock::time_point()> clock;
};

class MailStore {
 public:
  explicit MailStore(StoreOptions options = {});
  ~MailStore();
  MailStore(const MailStore&) = delete;
  MailStore& operator=(const MailStore&) = delete;

  const StoreOptions& options() const { return options_; }

  // --- users. Adding a user creates its INBOX. ---
  bool add_user(const UserSpec& user);  // false: the SASL credentials could not be derived
  bool has_user(std::string_view name) const;
  std::vector<std::string> user_names() const;
  // What the SASL server mechanisms ask (passwords, SCRAM keys).
  const codec::sasl::Accounts& accounts() const;
  // The user a local address delivers to (case-insensitive domain and local
  // part, RFC 5321 §2.4 allows case-sensitive local parts; we do not).
  std::optional<std::string> user_for_address(std::string_view address) const;

  // --- POP3's exclusive maildrop lock (RFC 1939 §8). ---
  bool lock_maildrop(std::string_view user);
  void unlock_maildrop(std::string_view user);

  // --- mailboxes. Names are UTF-8; "INBOX" is case-insensitive. ---
  MailboxPtr find_mailbox(std::string_view user, std::string_view name) const;
  std::vector<MailboxPtr> mailboxes(std::string_view user) const;  // sorted by name
  StoreResult<MailboxPtr> create_mailbox(std::string_view user, std::string_view name,
                                         std::string special_use = {});
  StoreResult<void> delete_mailbox(std::string_view user, std::string_view name);
  // RENAME INBOX moves its messages to the new mailbox and leaves INBOX empty (RFC 9051 §6.3.6).
  StoreResult<void> rename_mailbox(std::string_view user, std::string_view from, std::string_view to);
  // Subscriptions are names, not mailboxes: they outlive DELETE and stay
  // behind on RENAME (RFC 9051 §6.3.7: a server SHOULD NOT remove a name from
  // the list unilaterally), so LIST (SUBSCRIBED) can report \NonExistent.
  // Subscribing needs an existing mailbox (the server MAY check that);
  // unsubscribing needs a subscribed name.
  StoreResult<void> set_subscribed(std::string_view user, std::string_view name, bool subscribed);
  bool is_subscribed(std::string_view user, std::string_view name) const;
  std::vector<std::string> subscriptions(std::string_view user) const;  // sorted

  // --- messages. Every change raises the mailbox's MODSEQ and wakes its watchers. ---
  StoreResult<Uid> append(std::string_view user, std::string_view mailbox, std::string bytes,
                          std::vector<std::string> flags = {},
                          std::optional<std::chrono::system_clock::time_point> internal_date = std::nullopt,
                          int internal_date_offset_minutes = 0);
  // Local delivery (SMTP): to the INBOX of the user owning `address`; false if none does.
  bool deliver(std::string_view address, std::shared_ptr<const std::string> bytes);
  StoreResult<StoreFlagsResult> store_flags(std::string_view user, std::string_view mailbox,
                                            const std::vector<Uid>& uids, FlagChange change,
                                            const std::vector<std::string>& flags,
                                            std::optional<ModSeq> unchanged_since = std::nullopt);
  StoreResult<CopyResult> copy(std::string_view user, std::string_view from, const std::vector<Uid>& uids,
                               std::string_view to);
  // Removes the given UIDs (all \Deleted ones when `only` is empty is the caller's choice:
  // it passes them). Returns the UIDs actually removed.
  StoreResult<std::vector<Uid>> expunge(std::string_view user, std::string_view mailbox,
                                        const std::vector<Uid>& uids);

  // --- change notification (IDLE, other sessions). The callback runs after
  // the change, on the store's executor; destroy the Watch to stop. ---
  class Watch {
   public:
    Watch() = default;
    Watch(Watch&&) noexcept;
    Watch& operator=(Watch&&) noexcept;
    ~Watch();

   private:
    friend class MailStore;
    void unregister() noexcept;
    std::weak_ptr<Mailbox> mailbox_;
    std::uint64_t id_ = 0;
  };
  Watch watch(const MailboxPtr& mailbox, std::function<void()> on_change);

  // Total bytes of message data held (each shared body counted once per mailbox copy).
  std::size_t message_bytes() const;

 private:
  struct User;
  User* user(std::string_view name);
  const User* user(std::string_view name) const;
  void changed(Mailbox& mailbox);

  StoreOptions options_;
  std::unique_ptr<codec::sasl::InMemoryAccounts> accounts_;
  std::map<std::string, std::unique_ptr<User>, std::less<>> users_;
  std::uint32_t next_uid_validity_ = 0;
  std::uint64_t next_watch_id_ = 1;
};

}  // namespace conformance::fakes::store
