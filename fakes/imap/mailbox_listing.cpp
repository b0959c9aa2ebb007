#include "fakes/imap/mailbox_listing.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace conformance::fakes::imap {
namespace {

namespace cmd = codec::imap::command;

bool starts_with_inbox(std::string_view text) {
  if (text.size() < 5) return false;
  for (std::size_t i = 0; i < 5; ++i)
    if (std::toupper(static_cast<unsigned char>(text[i])) != "INBOX"[i]) return false;
  return text.size() == 5 || text[5] == store::kHierarchyDelimiter;
}

// Patterns come from the client: dynamic programming over (pattern, name)
// positions, so "*%*%*%...x" costs its length times the name's, never an
// exponential backtrack.
bool plain_match(std::string_view pattern, std::string_view name) {
  const std::size_t n = name.size();
  std::vector<char> next(n + 1, 0), current(n + 1, 0);
  next[n] = 1;  // the empty pattern matches the empty rest of the name
  for (std::size_t i = pattern.size(); i-- > 0;) {
    const char p = pattern[i];
    current[n] = (p == '*' || p == '%') ? next[n] : 0;
    for (std::size_t j = n; j-- > 0;) {
      if (p == '*') current[j] = next[j] || current[j + 1];
      else if (p == '%') current[j] = next[j] || (name[j] != store::kHierarchyDelimiter && current[j + 1]);
      else current[j] = p == name[j] && next[j + 1];
    }
    std::swap(next, current);
  }
  return next[0] != 0;
}

bool is_descendant(std::string_view name, std::string_view parent) {
  return name.size() > parent.size() + 1 && name.compare(0, parent.size(), parent) == 0 &&
         name[parent.size()] == store::kHierarchyDelimiter;
}

}  // namespace

bool wildcard_match(std::string_view pattern, std::string_view name) {
  // INBOX is case-insensitive (RFC 9051 §5.1), also as the first level of a name.
  if (starts_with_inbox(pattern) && starts_with_inbox(name)) return plain_match(pattern.substr(5), name.substr(5));
  return plain_match(pattern, name);
}

std::vector<ListedName> list_mailboxes(const cmd::List& command, const ListInput& input) {
  const bool select_subscribed = command.selection && command.selection->subscribed;
  const bool select_special_use = command.selection && command.selection->special_use;
  const bool recursive_match = command.selection && command.selection->recursive_match;
  // RFC 5258 §3: the SUBSCRIBED selection implies the SUBSCRIBED return option.
  const bool report_subscribed =
      select_subscribed || (command.return_options && command.return_options->subscribed);

  // Existing mailboxes, and subscribed names when the selection is on subscriptions.
  std::map<std::string, store::MailboxPtr, std::less<>> candidates;
  for (const auto& mailbox : input.mailboxes) candidates.emplace(mailbox->name(), mailbox);
  if (select_subscribed)
    for (const auto& name : input.subscriptions) candidates.emplace(name, nullptr);

  auto subscribed = [&input](const std::string& name) {
    return std::binary_search(input.subscriptions.begin(), input.subscriptions.end(), name);
  };
  auto matches_a_pattern = [&](const std::string& name) {
    const std::string sent = input.as_sent(name);
    return std::any_of(command.patterns.begin(), command.patterns.end(), [&](const std::string& pattern) {
      return !pattern.empty() && wildcard_match(command.reference + pattern, sent);
    });
  };
  auto meets_selection = [&](const std::string& name, const store::MailboxPtr& mailbox) {
    if (select_subscribed && !subscribed(name)) return false;
    if (select_special_use && (!mailbox || mailbox->special_use().empty())) return false;
    return true;
  };

  std::vector<ListedName> listed;
  for (const auto& [name, mailbox] : candidates) {
    if (!matches_a_pattern(name)) continue;
    ListedName entry{name, mailbox, {}, false};
    bool has_children = false;
    const std::string prefix = name + store::kHierarchyDelimiter;
    for (auto it = candidates.lower_bound(prefix); it != candidates.end() && is_descendant(it->first, name); ++it) {
      has_children = has_children || it->second != nullptr;
      // RFC 5258 §3.5: only for a descendant the patterns do not return themselves.
      if (recursive_match && select_subscribed && meets_selection(it->first, it->second) &&
          !matches_a_pattern(it->first))
        entry.subscribed_children = true;
    }
    if (!meets_selection(name, mailbox) && !entry.subscribed_children) continue;
    if (!mailbox) {
      entry.attributes.push_back("\\NonExistent");  // implies \Noselect (RFC 5258 §3.4)
    } else {
      entry.attributes.push_back(has_children ? "\\HasChildren" : "\\HasNoChildren");
      if (!mailbox->special_use().empty()) entry.attributes.push_back(mailbox->special_use());
    }
    if (report_subscribed && subscribed(name)) entry.attributes.push_back("\\Subscribed");
    listed.push_back(std::move(entry));
  }
  return listed;
}

}  // namespace conformance::fakes::imap
