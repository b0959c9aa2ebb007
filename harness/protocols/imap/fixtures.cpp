// Fixtures through IMAP itself: CREATE and APPEND before the steps; after
// them DELETE (children first) and, in mailboxes the fixtures did not
// create, expunging exactly the messages that were appended: found again
// by size and content, since teardown runs on a fresh connection that
// knows nothing of the set-up one.
#include <algorithm>
#include <map>

#include "harness/codec/imap/command/serialize_command.hpp"
#include "harness/protocols/imap/session.hpp"

namespace conformance::protocols::imap {

namespace {

namespace ci = codec::imap;
namespace cmd = codec::imap::command;
using engine::StepContext;
using engine::StepOutcome;

bool is_inbox(std::string_view name) { return equals_ignoring_case(name, "INBOX"); }

std::string describe_reply_status(const ci::StatusResponse& reply) {
  std::string text = std::string(ci::status_name(reply.status));
  if (!reply.text.text.empty()) text += " " + one_line(reply.text.text, 160);
  return text;
}

std::optional<std::uint32_t> exists_count(const std::vector<Received>& untagged) {
  std::optional<std::uint32_t> count;
  for (const auto& received : untagged) {
    if (const auto* exists = std::get_if<ci::ExistsData>(&received.response)) count = exists->count;
  }
  return count;
}

ci::SequenceSet all_messages() {
  ci::SequenceSet set;
  set.ranges.push_back(ci::SequenceRange{1, ci::kStar});
  return set;
}

ci::SequenceSet uid_set(const std::vector<std::uint32_t>& uids) {
  ci::SequenceSet set;
  for (auto uid : uids) set.ranges.push_back(ci::SequenceRange{uid, uid});
  return set;
}

}  // namespace

net::awaitable<ImapSession::ReplyOutcome> ImapSession::codec_command(cmd::CommandBody body, StepContext& context) {
  cmd::Command command_to_send;
  command_to_send.tag = conversation_.next_internal_tag();
  command_to_send.body = std::move(body);
  ci::WriterOptions options;
  options.non_synchronizing_literals = advertises("LITERAL+");
  auto serialized = cmd::serialize_command(command_to_send, options);
  std::optional<std::vector<std::string>> no_renderings;
  co_return co_await command(command_to_send.tag, std::move(serialized.bytes),
                             std::move(serialized.continuation_points), std::move(no_renderings), context);
}

net::awaitable<std::string> ImapSession::append_message(const scenario::FixtureMessage& message, StepContext& context) {
  cmd::AppendMessage data;
  if (!message.flags.empty()) data.flags = message.flags;
  data.data = message.content;
  cmd::Append append;
  append.mailbox = message.mailbox;
  append.messages.push_back(std::move(data));
  cmd::CommandBody reply_body = std::move(append);
  auto reply = co_await codec_command(std::move(reply_body), context);
  if (!reply) co_return reply.error();
  if (reply->tagged.status != ci::Status::ok) {
    co_return "APPEND to " + message.mailbox + ": " + describe_reply_status(reply->tagged);
  }
  co_return std::string();
}

net::awaitable<std::string> ImapSession::empty_mailbox(const std::string& mailbox, StepContext& context) {
  cmd::Select select;
  select.mailbox = mailbox;
  cmd::CommandBody selected_body = std::move(select);
  auto selected = co_await codec_command(std::move(selected_body), context);
  if (!selected) co_return selected.error();
  if (selected->tagged.status != ci::Status::ok) {
    co_return "SELECT " + mailbox + ": " + describe_reply_status(selected->tagged);
  }
  if (exists_count(selected->untagged).value_or(0) > 0) {
    cmd::Store store;
    store.set = all_messages();
    store.mode = cmd::StoreMode::add;
    store.silent = true;
    store.flags = {"\\Deleted"};
    cmd::CommandBody stored_body = std::move(store);
    auto stored = co_await codec_command(std::move(stored_body), context);
    if (!stored) co_return stored.error();
    if (stored->tagged.status != ci::Status::ok) {
      co_return "STORE \\Deleted in " + mailbox + ": " + describe_reply_status(stored->tagged);
    }
  }
  // CLOSE expunges silently (RFC 9051 §6.4.1).
  cmd::CommandBody closed_body = cmd::Close{};
  auto closed = co_await codec_command(std::move(closed_body), context);
  if (!closed) co_return closed.error();
  if (closed->tagged.status != ci::Status::ok)
    co_return "CLOSE " + mailbox + ": " + describe_reply_status(closed->tagged);
  co_return std::string();
}

net::awaitable<std::string> ImapSession::remove_appended(const std::string& mailbox,
                                                         const std::vector<const scenario::FixtureMessage*>& messages,
                                                         StepContext& context) {
  cmd::Select select;
  select.mailbox = mailbox;
  cmd::CommandBody selected_body = std::move(select);
  auto selected = co_await codec_command(std::move(selected_body), context);
  if (!selected) co_return selected.error();
  if (selected->tagged.status != ci::Status::ok) {
    co_return "SELECT " + mailbox + ": " + describe_reply_status(selected->tagged);
  }
  std::vector<std::uint32_t> doomed;
  if (exists_count(selected->untagged).value_or(0) > 0) {
    cmd::Fetch sizes;
    sizes.uid = true;
    sizes.set = all_messages();
    sizes.attributes.push_back(cmd::FetchAttribute::simple(cmd::FetchAttribute::Kind::rfc822_size));
    cmd::CommandBody listed_body = std::move(sizes);
    auto listed = co_await codec_command(std::move(listed_body), context);
    if (!listed) co_return listed.error();
    std::multimap<std::uint64_t, std::uint32_t, std::greater<>> by_size;  // newest first within a size
    std::vector<std::pair<std::uint32_t, std::uint64_t>> found;
    for (const auto& received : listed->untagged) {
      const auto* fetch = std::get_if<ci::FetchData>(&received.response);
      if (!fetch) continue;
      const auto* uid = fetch->get<ci::FetchUid>();
      const auto* size = fetch->get<ci::FetchRfc822Size>();
      if (uid && size) found.emplace_back(uid->uid, size->size);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto* message : messages) {
      for (const auto& [uid, size] : found) {
        if (size != message->content.size() || std::find(doomed.begin(), doomed.end(), uid) != doomed.end()) continue;
        cmd::Fetch body;
        body.uid = true;
        body.set = uid_set({uid});
        body.attributes.push_back(cmd::FetchAttribute::body_part(ci::Section{}, true));
        cmd::CommandBody fetched_body = std::move(body);
        auto fetched = co_await codec_command(std::move(fetched_body), context);
        if (!fetched) co_return fetched.error();
        bool same = false;
        for (const auto& received : fetched->untagged) {
          const auto* fetch = std::get_if<ci::FetchData>(&received.response);
          const auto* section = fetch ? fetch->get<ci::FetchBodySection>() : nullptr;
          if (section && section->data == message->content) same = true;
        }
        if (same) {
          doomed.push_back(uid);
          break;
        }
      }
    }
  }
  if (!doomed.empty()) {
    cmd::Store store;
    store.uid = true;
    store.set = uid_set(doomed);
    store.mode = cmd::StoreMode::add;
    store.silent = true;
    store.flags = {"\\Deleted"};
    cmd::CommandBody stored_body = std::move(store);
    auto stored = co_await codec_command(std::move(stored_body), context);
    if (!stored) co_return stored.error();
    if (advertises("UIDPLUS")) {
      cmd::UidExpunge expunge;
      expunge.uids = uid_set(doomed);
      cmd::CommandBody expunged_body = std::move(expunge);
      auto expunged = co_await codec_command(std::move(expunged_body), context);
      if (!expunged) co_return expunged.error();
    } else {
      cmd::CommandBody closed_body = cmd::Close{};
      auto closed = co_await codec_command(std::move(closed_body), context);
      if (!closed) co_return closed.error();
      co_return std::string();
    }
  }
  if (advertises("UNSELECT")) {
    cmd::CommandBody unselected_body = cmd::Unselect{};
    auto unselected = co_await codec_command(std::move(unselected_body), context);
    if (!unselected) co_return unselected.error();
  } else {
    cmd::CommandBody closed_body = cmd::Close{};
    auto closed = co_await codec_command(std::move(closed_body), context);
    if (!closed) co_return closed.error();
  }
  co_return std::string();
}

net::awaitable<StepOutcome> ImapSession::set_up_fixtures(const scenario::Fixtures& fixtures, StepContext& context) {
  (void)co_await capabilities(context);
  if (fixtures.empty_inbox) {
    const std::string inbox = "INBOX";
    auto failure = co_await empty_mailbox(inbox, context);
    if (!failure.empty()) co_return StepOutcome::fail("emptying INBOX: " + failure);
  }
  for (const auto& mailbox : fixtures.mailboxes) {
    cmd::Create create;
    create.mailbox = mailbox;
    cmd::CommandBody created_body = std::move(create);
    auto created = co_await codec_command(std::move(created_body), context);
    if (!created) co_return StepOutcome::fail(created.error());
    if (created->tagged.status != ci::Status::ok) {
      co_return StepOutcome::fail("CREATE " + mailbox + ": " + describe_reply_status(created->tagged));
    }
  }
  for (const auto& message : fixtures.messages) {
    auto failure = co_await append_message(message, context);
    if (!failure.empty()) co_return StepOutcome::fail(failure);
  }
  co_return StepOutcome::pass();
}

net::awaitable<StepOutcome> ImapSession::tear_down_fixtures(const scenario::Fixtures& fixtures, StepContext& context) {
  (void)co_await capabilities(context);
  std::vector<std::string> problems;
  // Messages appended to mailboxes that stay.
  std::map<std::string, std::vector<const scenario::FixtureMessage*>> kept_mailboxes;
  for (const auto& message : fixtures.messages) {
    const bool created = std::any_of(fixtures.mailboxes.begin(), fixtures.mailboxes.end(),
                                     [&](const std::string& name) { return name == message.mailbox; });
    if (!created) kept_mailboxes[message.mailbox].push_back(&message);
  }
  for (const auto& [mailbox, messages] : kept_mailboxes) {
    auto failure = co_await remove_appended(mailbox, messages, context);
    if (!failure.empty()) problems.push_back(failure);
  }
  // The fixture mailboxes, with whatever the steps made under them
  // ("name/child") or beside them ("name-renamed"), deepest first. A
  // fixture mailbox the steps renamed or deleted is simply not there.
  std::vector<std::string> deleted;
  for (const auto& mailbox : fixtures.mailboxes) {
    if (is_inbox(mailbox)) continue;
    cmd::List list;
    list.reference = "";
    list.patterns.push_back(mailbox + "*");
    cmd::CommandBody listed_body = std::move(list);
    auto listed = co_await codec_command(std::move(listed_body), context);
    if (!listed) {
      problems.push_back(listed.error());
      continue;
    }
    std::vector<std::string> doomed;
    for (const auto& received : listed->untagged) {
      const auto* data = std::get_if<ci::ListData>(&received.response);
      if (!data || is_inbox(data->mailbox)) continue;
      const std::string_view name = data->mailbox;
      const bool itself = name == mailbox;
      const bool below = data->delimiter && name.starts_with(mailbox + *data->delimiter);
      const bool beside = name.starts_with(mailbox + "-");
      const bool gone = std::find(deleted.begin(), deleted.end(), data->mailbox) != deleted.end();
      if ((itself || below || beside) && !gone) doomed.push_back(data->mailbox);
    }
    std::sort(doomed.begin(), doomed.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& name : doomed) {
      cmd::Delete remove;
      remove.mailbox = name;
      cmd::CommandBody deleted_body = std::move(remove);
      auto removed = co_await codec_command(std::move(deleted_body), context);
      if (!removed) {
        problems.push_back(removed.error());
      } else if (removed->tagged.status != ci::Status::ok) {
        problems.push_back("DELETE " + name + ": " + describe_reply_status(removed->tagged));
      } else {
        deleted.push_back(name);
      }
    }
  }
  if (problems.empty()) co_return StepOutcome::pass();
  std::string reason;
  for (const auto& problem : problems) reason += (reason.empty() ? "" : "; ") + problem;
  co_return StepOutcome::fail(reason);
}

}  // namespace conformance::protocols::imap
