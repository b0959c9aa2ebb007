#include "fakes/store/mail_store.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace conformance::fakes::store {
namespace {

constexpr std::size_t kExpungedLogLimit = 10000;  // enough for any session to catch up; bounded for long runs

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t continuation = 0;
    if (lead < 0x80) continuation = 0;
    else if ((lead >> 5) == 0x6) continuation = 1;
    else if ((lead >> 4) == 0xE) continuation = 2;
    else if ((lead >> 3) == 0x1E) continuation = 3;
    else return false;
    if (text.size() - i <= continuation) return false;
    for (std::size_t k = 1; k <= continuation; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
    i += continuation + 1;
  }
  return true;
}

// "inbox" and "Inbox/x" name the INBOX (RFC 9051 §5.1: INBOX is case-insensitive).
std::string canonical_name(std::string_view name) {
  if (iequals(name, "INBOX")) return "INBOX";
  if (name.size() > 6 && iequals(name.substr(0, 5), "INBOX") && name[5] == kHierarchyDelimiter)
    return "INBOX" + std::string(name.substr(5));
  return std::string(name);
}

bool valid_name(std::string_view name) {
  if (name.empty() || name.front() == kHierarchyDelimiter || name.back() == kHierarchyDelimiter) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x20 || c == 0x7F) return false;
    if (name[i] == kHierarchyDelimiter && i + 1 < name.size() && name[i + 1] == kHierarchyDelimiter) return false;
  }
  return valid_utf8(name);
}

// System flags in their canonical spelling; keywords as given.
std::string canonical_flag(std::string_view flag) {
  for (std::string_view system : {"\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft", "\\Recent"})
    if (iequals(flag, system)) return std::string(system);
  return std::string(flag);
}

std::vector<std::string> normalise_flags(std::vector<std::string> flags) {
  std::vector<std::string> out;
  for (auto& flag : flags) {
    std::string canonical = canonical_flag(flag);
    if (canonical == "\\Recent" || canonical.empty()) continue;  // not storable (RFC 9051 removed it; RFC 3501 §2.3.2 session-only)
    bool seen = false;
    for (const auto& kept : out) seen = seen || iequals(kept, canonical);
    if (!seen) out.push_back(std::move(canonical));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

bool StoredMessage::has_flag(std::string_view flag) const {
  for (const auto& own : flags)
    if (iequals(own, flag)) return true;
  return false;
}

const StoredMessage* Mailbox::find(Uid uid) const {
  auto it = std::lower_bound(messages_.begin(), messages_.end(), uid,
                             [](const StoredMessage& m, Uid value) { return m.uid < value; });
  return it != messages_.end() && it->uid == uid ? &*it : nullptr;
}

std::string_view to_string(StoreError error) {
  switch (error) {
    case StoreError::no_such_user:
      return "no such user";
    case StoreError::no_such_mailbox:
      return "no such mailbox";
    case StoreError::mailbox_exists:
      return "mailbox already exists";
    case StoreError::invalid_name:
      return "invalid mailbox name";
    case StoreError::cannot_delete:
      return "INBOX cannot be deleted";
    case StoreError::has_children:
      return "mailbox has inferior hierarchical names";
    case StoreError::no_such_message:
      return "no such message";
  }
  return "?";
}

struct MailStore::User {
  std::string name;
  std::vector<std::string> addresses;  // lower case
  std::map<std::string, MailboxPtr, std::less<>> mailboxes;
  std::set<std::string, std::less<>> subscriptions;  // canonical names
  bool maildrop_locked = false;
};

MailStore::MailStore(StoreOptions options)
    : options_(std::move(options)), accounts_(std::make_unique<codec::sasl::InMemoryAccounts>()) {
  if (!options_.clock) options_.clock = [] { return std::chrono::system_clock::now(); };
}

MailStore::~MailStore() = default;

MailStore::User* MailStore::user(std::string_view name) {
  auto it = users_.find(name);
  return it == users_.end() ? nullptr : it->second.get();
}
const MailStore::User* MailStore::user(std::string_view name) const {
  auto it = users_.find(name);
  return it == users_.end() ? nullptr : it->second.get();
}

bool MailStore::add_user(const UserSpec& spec) {
  if (!accounts_->add_user(spec.name, spec.password)) return false;
  auto entry = std::make_unique<User>();
  entry->name = spec.name;
  for (const auto& address : spec.addresses) entry->addresses.push_back(lower(address));
  if (entry->addresses.empty()) entry->addresses.push_back(lower(spec.name + "@" + options_.domain));
  User& added = *entry;
  users_[spec.name] = std::move(entry);
  if (added.mailboxes.find("INBOX") == added.mailboxes.end()) (void)create_mailbox(spec.name, "INBOX");
  return true;
}

bool MailStore::has_user(std::string_view name) const { return user(name) != nullptr; }

std::vector<std::string> MailStore::user_names() const {
  std::vector<std::string> names;
  for (const auto& [name, entry] : users_) names.push_back(name);
  return names;
}

const codec::sasl::Accounts& MailStore::accounts() const { return *accounts_; }

std::optional<std::string> MailStore::user_for_address(std::string_view address) const {
  const std::string wanted = lower(address);
  for (const auto& [name, entry] : users_)
    for (const auto& own : entry->addresses)
      if (own == wanted) return name;
  return std::nullopt;
}

bool MailStore::lock_maildrop(std::string_view name) {
  User* owner = user(name);
  if (owner == nullptr || owner->maildrop_locked) return false;
  owner->maildrop_locked = true;
  return true;
}

void MailStore::unlock_maildrop(std::string_view name) {
  if (User* owner = user(name)) owner->maildrop_locked = false;
}

MailboxPtr MailStore::find_mailbox(std::string_view user_name, std::string_view name) const {
  const User* owner = user(user_name);
  if (owner == nullptr) return nullptr;
  auto it = owner->mailboxes.find(canonical_name(name));
  return it == owner->mailboxes.end() ? nullptr : it->second;
}

std::vector<MailboxPtr> MailStore::mailboxes(std::string_view user_name) const {
  std::vector<MailboxPtr> out;
  if (const User* owner = user(user_name))
    for (const auto& [name, mailbox] : owner->mailboxes) out.push_back(mailbox);
  return out;
}

StoreResult<MailboxPtr> MailStore::create_mailbox(std::string_view user_name, std::string_view requested,
                                                  std::string special_use) {
  User* owner = user(user_name);
  if (owner == nullptr) return StoreError::no_such_user;
  // A trailing delimiter only says the client means to create children
  // under it (RFC 9051 §6.3.4); the mailbox is the name without it.
  if (!requested.empty() && requested.back() == kHierarchyDelimiter) requested.remove_suffix(1);
  if (!valid_name(requested)) return StoreError::invalid_name;
  const std::string name = canonical_name(requested);
  if (owner->mailboxes.count(name) != 0) return StoreError::mailbox_exists;
  // Superior names are created too, as RFC 9051 §6.3.4 says servers SHOULD.
  for (std::size_t at = name.find(kHierarchyDelimiter); at != std::string::npos;
       at = name.find(kHierarchyDelimiter, at + 1)) {
    const std::string parent = name.substr(0, at);
    if (owner->mailboxes.count(parent) != 0) continue;
    auto mailbox = std::make_shared<Mailbox>();
    mailbox->name_ = parent;
    mailbox->uid_validity_ = options_.uid_validity_seed + next_uid_validity_++;
    owner->mailboxes[parent] = std::move(mailbox);
  }
  auto mailbox = std::make_shared<Mailbox>();
  mailbox->name_ = name;
  mailbox->uid_validity_ = options_.uid_validity_seed + next_uid_validity_++;
  mailbox->special_use_ = std::move(special_use);
  owner->mailboxes[name] = mailbox;
  return mailbox;
}

StoreResult<void> MailStore::delete_mailbox(std::string_view user_name, std::string_view requested) {
  User* owner = user(user_name);
  if (owner == nullptr) return StoreError::no_such_user;
  const std::string name = canonical_name(requested);
  if (name == "INBOX") return StoreError::cannot_delete;
  auto it = owner->mailboxes.find(name);
  if (it == owner->mailboxes.end()) return StoreError::no_such_mailbox;
  // RFC 9051 §6.3.4 lets a server refuse to delete a mailbox that has
  // children ("SHOULD disallow ... with a tagged NO") rather than keep a
  // \Noselect placeholder; this store has no placeholders, so it refuses.
  const std::string prefix = name + kHierarchyDelimiter;
  auto next = std::next(it);
  if (next != owner->mailboxes.end() && next->first.compare(0, prefix.size(), prefix) == 0)
    return StoreError::has_children;
  MailboxPtr mailbox = it->second;
  owner->mailboxes.erase(it);
  mailbox->deleted_ = true;
  changed(*mailbox);
  return {};
}

StoreResult<void> MailStore::rename_mailbox(std::string_view user_name, std::string_view from_requested,
                                            std::string_view to_requested) {
  User* owner = user(user_name);
  if (owner == nullptr) return StoreError::no_such_user;
  const std::string from = canonical_name(from_requested);
  if (!valid_name(to_requested)) return StoreError::invalid_name;
  const std::string to = canonical_name(to_requested);
  auto source = owner->mailboxes.find(from);
  if (source == owner->mailboxes.end()) return StoreError::no_such_mailbox;
  if (owner->mailboxes.count(to) != 0) return StoreError::mailbox_exists;
  if (to == "INBOX") return StoreError::mailbox_exists;
  if (from == "INBOX") {
    // RFC 9051 §6.3.6: renaming INBOX moves its messages to a new mailbox
    // and leaves INBOX, empty, in place.
    auto created = create_mailbox(user_name, to);
    if (!created) return created.error();
    MailboxPtr inbox = source->second;
    Mailbox& target = **created;
    for (auto& message : inbox->messages_) {
      message.uid = target.uid_next_++;
      message.modseq = ++target.highest_modseq_;
      target.messages_.push_back(std::move(message));
    }
    target.keywords_ = inbox->keywords_;
    Uid last = 0;
    const ModSeq modseq = ++inbox->highest_modseq_;
    for (const auto& message : inbox->messages_) last = message.uid, inbox->expunged_.emplace_back(last, modseq);
    inbox->messages_.clear();
    changed(*inbox);
    return {};
  }
  // The mailbox and its children move together (RFC 9051 §6.3.6).
  const std::string prefix = from + kHierarchyDelimiter;
  std::vector<std::pair<std::string, MailboxPtr>> moving;
  for (const auto& [name, mailbox] : owner->mailboxes)
    if (name == from || name.compare(0, prefix.size(), prefix) == 0) moving.emplace_back(name, mailbox);
  for (const auto& [name, mailbox] : moving) {
    const std::string renamed = to + name.substr(from.size());
    if (name != from && owner->mailboxes.count(renamed) != 0) return StoreError::mailbox_exists;
  }
  for (auto& [name, mailbox] : moving) {
    owner->mailboxes.erase(name);
    mailbox->name_ = to + name.substr(from.size());
    owner->mailboxes[mailbox->name_] = mailbox;
  }
  // Superior names of the new name, as CREATE would make them.
  for (std::size_t at = to.find(kHierarchyDelimiter); at != std::string::npos; at = to.find(kHierarchyDelimiter, at + 1)) {
    const std::string parent = to.substr(0, at);
    if (owner->mailboxes.count(parent) == 0) (void)create_mailbox(user_name, parent);
  }
  for (auto& [name, mailbox] : moving) changed(*mailbox);
  return {};
}

StoreResult<void> MailStore::set_subscribed(std::string_view user_name, std::string_view name, bool subscribed) {
  User* owner = user(user_name);
  if (owner == nullptr) return StoreError::no_such_user;
  const std::string canonical = canonical_name(name);
  if (!subscribed) {
    if (owner->subscriptions.erase(canonical) == 0) return StoreError::no_such_mailbox;
    return {};
  }
  if (owner->mailboxes.count(canonical) == 0) return StoreError::no_such_mailbox;
  owner->subscriptions.insert(canonical);
  return {};
}

bool MailStore::is_subscribed(std::string_view user_name, std::string_view name) const {
  const User* owner = user(user_name);
  return owner != nullptr && owner->subscriptions.count(canonical_name(name)) != 0;
}

std::vector<std::string> MailStore::subscriptions(std::string_view user_name) const {
  const User* owner = user(user_name);
  if (owner == nullptr) return {};
  return {owner->subscriptions.begin(), owner->subscriptions.end()};
}

namespace {

void remember_keywords(std::vector<std::string>& keywords, const std::vector<std::string>& flags) {
  for (const auto& flag : flags) {
    if (!flag.empty() && flag.front() == '\\') continue;
    bool known = false;
    for (const auto& keyword : keywords) known = known || iequals(keyword, flag);
    if (!known) keywords.push_back(flag);
  }
}

}  // namespace

StoreResult<Uid> MailStore::append(std::string_view user_name, std::string_view mailbox_name, std::string bytes,
                                   std::vector<std::string> flags,
                                   std::optional<std::chrono::system_clock::time_point> internal_date,
                                   int internal_date_offset_minutes) {
  if (!has_user(user_name)) return StoreError::no_such_user;
  MailboxPtr mailbox = find_mailbox(user_name, mailbox_name);
  if (!mailbox) return StoreError::no_such_mailbox;
  StoredMessage message;
  message.uid = mailbox->uid_next_++;
  message.bytes = std::make_shared<const std::string>(std::move(bytes));
  message.flags = normalise_flags(std::move(flags));
  message.internal_date = internal_date ? *internal_date : options_.clock();
  message.internal_date_offset_minutes = internal_date_offset_minutes;
  message.modseq = ++mailbox->highest_modseq_;
  remember_keywords(mailbox->keywords_, message.flags);
  const Uid uid = message.uid;
  mailbox->messages_.push_back(std::move(message));
  changed(*mailbox);
  return uid;
}

bool MailStore::deliver(std::string_view address, std::shared_ptr<const std::string> bytes) {
  auto owner = user_for_address(address);
  if (!owner) return false;
  MailboxPtr inbox = find_mailbox(*owner, "INBOX");
  if (!inbox) return false;
  StoredMessage message;
  message.uid = inbox->uid_next_++;
  message.bytes = std::move(bytes);
  message.internal_date = options_.clock();
  message.modseq = ++inbox->highest_modseq_;
  inbox->messages_.push_back(std::move(message));
  changed(*inbox);
  return true;
}

StoreResult<StoreFlagsResult> MailStore::store_flags(std::string_view user_name, std::string_view mailbox_name,
                                                     const std::vector<Uid>& uids, FlagChange change,
                                                     const std::vector<std::string>& flags,
                                                     std::optional<ModSeq> unchanged_since) {
  if (!has_user(user_name)) return StoreError::no_such_user;
  MailboxPtr mailbox = find_mailbox(user_name, mailbox_name);
  if (!mailbox) return StoreError::no_such_mailbox;
  const std::vector<std::string> given = normalise_flags(flags);
  StoreFlagsResult result;
  for (Uid uid : uids) {
    auto it = std::lower_bound(mailbox->messages_.begin(), mailbox->messages_.end(), uid,
                               [](const StoredMessage& m, Uid value) { return m.uid < value; });
    if (it == mailbox->messages_.end() || it->uid != uid) continue;
    // RFC 7162 §3.1.3: a message changed since the client's MODSEQ is not touched.
    if (unchanged_since && it->modseq > *unchanged_since) {
      result.failed_unchanged_since.push_back(uid);
      continue;
    }
    std::vector<std::string> next;
    if (change == FlagChange::replace) {
      next = given;
    } else if (change == FlagChange::add) {
      next = it->flags;
      next.insert(next.end(), given.begin(), given.end());
      next = normalise_flags(std::move(next));
    } else {
      for (const auto& flag : it->flags) {
        bool removed = false;
        for (const auto& gone : given) removed = removed || iequals(gone, flag);
        if (!removed) next.push_back(flag);
      }
    }
    if (next == it->flags) continue;
    it->flags = std::move(next);
    it->modseq = ++mailbox->highest_modseq_;
    remember_keywords(mailbox->keywords_, it->flags);
    result.updated.push_back({uid, it->flags, it->modseq});
  }
  if (!result.updated.empty()) changed(*mailbox);
  return result;
}

StoreResult<CopyResult> MailStore::copy(std::string_view user_name, std::string_view from,
                                        const std::vector<Uid>& uids, std::string_view to) {
  if (!has_user(user_name)) return StoreError::no_such_user;
  MailboxPtr source = find_mailbox(user_name, from);
  MailboxPtr target = find_mailbox(user_name, to);
  if (!source || !target) return StoreError::no_such_mailbox;
  CopyResult result;
  result.destination_uid_validity = target->uid_validity_;
  std::vector<StoredMessage> copies;
  for (Uid uid : uids) {
    const StoredMessage* original = source->find(uid);
    if (original == nullptr) continue;
    StoredMessage copy = *original;
    copy.uid = target->uid_next_++;
    copy.modseq = ++target->highest_modseq_;
    result.uids.emplace_back(uid, copy.uid);
    copies.push_back(std::move(copy));
  }
  for (auto& copy : copies) {
    remember_keywords(target->keywords_, copy.flags);
    target->messages_.push_back(std::move(copy));
  }
  if (!result.uids.empty()) changed(*target);
  return result;
}

StoreResult<std::vector<Uid>> MailStore::expunge(std::string_view user_name, std::string_view mailbox_name,
                                                 const std::vector<Uid>& uids) {
  if (!has_user(user_name)) return StoreError::no_such_user;
  MailboxPtr mailbox = find_mailbox(user_name, mailbox_name);
  if (!mailbox) return StoreError::no_such_mailbox;
  std::vector<Uid> wanted = uids;
  std::sort(wanted.begin(), wanted.end());
  std::vector<Uid> removed;
  auto& messages = mailbox->messages_;
  ModSeq modseq = 0;
  auto kept = std::remove_if(messages.begin(), messages.end(), [&](const StoredMessage& message) {
    if (!std::binary_search(wanted.begin(), wanted.end(), message.uid)) return false;
    removed.push_back(message.uid);
    return true;
  });
  messages.erase(kept, messages.end());
  if (!removed.empty()) {
    modseq = ++mailbox->highest_modseq_;
    for (Uid uid : removed) mailbox->expunged_.emplace_back(uid, modseq);
    if (mailbox->expunged_.size() > kExpungedLogLimit)
      mailbox->expunged_.erase(mailbox->expunged_.begin(),
                               mailbox->expunged_.begin() +
                                   static_cast<std::ptrdiff_t>(mailbox->expunged_.size() - kExpungedLogLimit));
    changed(*mailbox);
  }
  return removed;
}

MailStore::Watch::Watch(Watch&& other) noexcept : mailbox_(std::move(other.mailbox_)), id_(other.id_) {
  other.id_ = 0;
}

MailStore::Watch& MailStore::Watch::operator=(Watch&& other) noexcept {
  if (this != &other) {
    unregister();
    mailbox_ = std::move(other.mailbox_);
    id_ = other.id_;
    other.id_ = 0;
  }
  return *this;
}

MailStore::Watch::~Watch() { unregister(); }

void MailStore::Watch::unregister() noexcept {
  if (id_ == 0) return;
  if (auto mailbox = mailbox_.lock()) {
    auto& watchers = mailbox->watchers_;
    watchers.erase(std::remove_if(watchers.begin(), watchers.end(), [&](const auto& entry) { return entry.first == id_; }),
                   watchers.end());
  }
  mailbox_.reset();
  id_ = 0;
}

MailStore::Watch MailStore::watch(const MailboxPtr& mailbox, std::function<void()> on_change) {
  Watch handle;
  handle.mailbox_ = mailbox;
  handle.id_ = next_watch_id_++;
  mailbox->watchers_.emplace_back(handle.id_, std::move(on_change));
  return handle;
}

void MailStore::changed(Mailbox& mailbox) {
  // A callback may drop its own or another Watch: call a snapshot, and
  // only those still registered when their turn comes.
  std::vector<std::uint64_t> ids;
  for (const auto& entry : mailbox.watchers_) ids.push_back(entry.first);
  for (std::uint64_t id : ids) {
    std::function<void()> callback;
    for (const auto& entry : mailbox.watchers_)
      if (entry.first == id) callback = entry.second;
    if (callback) callback();
  }
}

std::size_t MailStore::message_bytes() const {
  std::size_t total = 0;
  for (const auto& [name, owner] : users_)
    for (const auto& [mailbox_name, mailbox] : owner->mailboxes)
      for (const auto& message : mailbox->messages_) total += message.size();
  return total;
}

}  // namespace conformance::fakes::store
