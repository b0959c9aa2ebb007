#include "fakes/imap/imap_session.hpp"

#include "fakes/common/client_redactor.hpp"
#include "fakes/imap/mailbox_listing.hpp"
#include "fakes/imap/message_view.hpp"
#include "harness/codec/common/base64.hpp"
#include "harness/codec/imap/command/command_decoder.hpp"
#include "harness/codec/imap/mutf7.hpp"
#include "harness/codec/imap/section.hpp"
#include "harness/codec/imap/writer.hpp"
#include "harness/codec/sasl/factory.hpp"
#include "harness/common/civil_time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace conformance::fakes::imap {
namespace {

namespace cmd = codec::imap::command;
using codec::imap::Writer;

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The next whitespace-separated token of `line` from `at` (moved past it).
std::string_view token(std::string_view line, std::size_t& at) {
  while (at < line.size() && line[at] == ' ') ++at;
  const std::size_t start = at;
  while (at < line.size() && line[at] != ' ' && line[at] != '\r' && line[at] != '\n') ++at;
  return line.substr(start, at - start);
}

// LOGIN's password and AUTHENTICATE's initial response, redacted in every
// line of a chunk the client sent.
std::optional<std::string> classify_secret(std::string_view chunk) {
  std::string out;
  bool changed = false;
  std::size_t start = 0;
  while (start < chunk.size()) {
    std::size_t end = chunk.find('\n', start);
    end = end == std::string_view::npos ? chunk.size() : end + 1;
    std::string_view line = chunk.substr(start, end - start);
    std::size_t at = 0;
    token(line, at);  // tag
    const std::string verb = upper(token(line, at));
    std::size_t keep = std::string_view::npos;
    if (verb == "LOGIN") {
      token(line, at);  // user name
      keep = at;
    } else if (verb == "AUTHENTICATE") {
      token(line, at);  // mechanism
      keep = at;
    }
    if (keep != std::string_view::npos && keep < line.size() && line[keep] == ' ') {
      out += std::string(line.substr(0, keep + 1)) + redacted_line(line.substr(keep + 1));
      changed = true;
    } else {
      out += line;
    }
    start = end;
  }
  if (!changed) return std::nullopt;
  return out;
}

// "1:3,7" for ascending numbers.
std::string compact_set(const std::vector<std::uint32_t>& numbers) {
  std::string out;
  for (std::size_t i = 0; i < numbers.size();) {
    std::size_t j = i;
    while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
    out += (out.empty() ? "" : ",") + std::to_string(numbers[i]);
    if (j > i) out += ":" + std::to_string(numbers[j]);
    i = j + 1;
  }
  return out;
}

bool uses_modseq(const std::vector<cmd::SearchKey>& keys);

// What RETURN asks for: RETURN () means ALL (RFC 4731 §3.1), and so does
// no RETURN once IMAP4rev2 is enabled (RFC 9051 §6.4.4). SAVE alone asks for
// no ESEARCH response at all (RFC 9051 §6.4.4.1, RFC 5182 §2.4).
cmd::SearchReturn wanted_results(const cmd::Search& search) {
  cmd::SearchReturn wanted = search.return_options.value_or(cmd::SearchReturn{});
  if (!wanted.min && !wanted.max && !wanted.count && !wanted.all && !wanted.save) wanted.all = true;
  return wanted;
}

// RFC 4731 §3.1: an ESEARCH response with what RETURN asked for. MIN, MAX
// and ALL are left out when nothing matched.
std::string extended_search_result(const std::string& tag, const cmd::Search& search,
                                   const std::vector<std::uint32_t>& found, store::ModSeq highest_modseq) {
  const cmd::SearchReturn wanted = wanted_results(search);
  if (!wanted.min && !wanted.max && !wanted.count && !wanted.all) return {};
  Writer writer;
  writer.raw("* ESEARCH (TAG ").quoted(tag).raw(")");
  if (search.uid) writer.raw(" UID");
  if (wanted.min && !found.empty()) writer.raw(" MIN ").number(found.front());
  if (wanted.max && !found.empty()) writer.raw(" MAX ").number(found.back());
  if (wanted.all && !found.empty()) writer.raw(" ALL " + compact_set(found));
  if (wanted.count) writer.raw(" COUNT ").number(found.size());
  // RFC 7162 §3.1.5 with RFC 4731: the highest mod-sequence of what matched.
  if (uses_modseq(search.keys) && !found.empty()) writer.raw(" MODSEQ ").number(highest_modseq);
  writer.crlf();
  return std::move(writer).bytes();
}

bool uses_modseq(const std::vector<cmd::SearchKey>& keys) {
  return std::any_of(keys.begin(), keys.end(), [](const cmd::SearchKey& key) {
    return key.kind == cmd::SearchKey::Kind::modseq || uses_modseq(key.keys);
  });
}

// RFC 9051 Appendix E: \Recent is gone, and with it the STATUS item.
constexpr std::string_view kNoRecentInRev2 = "BAD RECENT is not a STATUS item in IMAP4rev2";

constexpr std::string_view kSystemFlags = "\\Answered \\Flagged \\Deleted \\Seen \\Draft";

enum class State { not_authenticated, authenticated, selected, logout };

class Session {
 public:
  Session(FakeConnection& connection, const ImapFakeConfig& config, store::MailStore& store)
      : connection_(connection), stream_(connection.stream()), config_(config), store_(store),
        decoder_(decoder_options(config)) {
    redactor_ = ClientRedactor::install(stream_.transcript(), classify_secret);
  }

  net::awaitable<void> run();

 private:
  enum class Next { go_on, close };

  static cmd::DecoderOptions decoder_options(const ImapFakeConfig& config) {
    cmd::DecoderOptions options;
    options.frame.max_line_length = config.max_line;
    options.frame.max_literal_size = config.max_literal;
    options.frame.max_frame_size = config.max_literal + config.max_line * 4;
    options.non_synchronizing = cmd::NonSynchronizingLiterals::literal_plus;
    return options;
  }

  bool tls() const { return stream_.is_tls(); }
  bool login_allowed() const { return tls(); }
  std::string capabilities() const;

  net::awaitable<std::optional<cmd::DecoderEvent>> next_event();
  net::awaitable<Next> write(std::string bytes);
  net::awaitable<Next> finish(const std::string& tag, std::string_view verb, std::string untagged, std::string status);
  net::awaitable<Next> bad(const std::string& tag, std::string_view verb, std::string_view text);
  net::awaitable<Next> execute(cmd::Command& command);

  net::awaitable<Next> on_starttls(const std::string& tag);
  net::awaitable<Next> on_authenticate(const std::string& tag, const cmd::Authenticate& authenticate);
  net::awaitable<Next> on_idle(const std::string& tag);
  std::string select(const cmd::Select& select, bool read_only, std::string& status);
  std::string fetch(const cmd::Fetch& fetch, std::string& status);
  std::string store(const cmd::Store& store, std::string& status);
  std::string search(const std::string& tag, const cmd::Search& search, std::string& status);
  std::string list(const cmd::List& list, std::string& status);
  ListInput list_input() const;
  std::string list_response(const ListedName& listed);
  std::string lsub(const cmd::Lsub& lsub);
  std::string status_of(const cmd::Status& status, std::string& tagged);
  // "(MESSAGES 3 UNSEEN 1)" for STATUS and LIST-STATUS; nullopt if an item is not one this session knows.
  std::optional<std::string> status_items(const store::Mailbox& mailbox, const std::vector<cmd::StatusItem>& items);
  std::string status_response(const std::string& name, const std::string& items);
  std::string append(const cmd::Append& append, std::string& status);
  std::string copy_or_move(bool uid, const codec::imap::SequenceSet& set, const std::string& destination, bool move,
                           std::string& status);
  std::string expunge(const std::optional<codec::imap::SequenceSet>& uids, bool silent);
  // Untagged EXISTS / EXPUNGE / FETCH for what other sessions changed.
  std::string catch_up(bool allow_expunge);
  // Message sequence numbers (1-based) of the set, in ascending order.
  std::vector<std::uint32_t> resolve(const codec::imap::SequenceSet& set, bool uid) const;
  const store::StoredMessage* message_at(std::uint32_t sequence_number) const;
  void log_in(const std::string& user);
  void deselect() {
    selected_.reset();
    view_.clear();
    saved_result_.clear();  // "$" belongs to the selected mailbox (RFC 5182 §2.1)
    state_ = State::authenticated;
  }
  // Mailbox names on the wire are modified UTF-7 until IMAP4rev2 is enabled
  // and UTF-8 after (RFC 9051 §5.1 and Appendix E); the store keeps UTF-8.
  std::string as_sent(const std::string& name) const;
  // The store's name for what the client sent; nullopt, with `status` set to
  // a NO, when it is not a name in the session's encoding.
  std::optional<std::string> store_name(std::string_view sent, std::string& status) const;
  Writer writer() const {
    codec::imap::WriterOptions options;
    options.allow_8bit_quoted = rev2_;
    return Writer(options);
  }

  FakeConnection& connection_;
  net::Stream& stream_;
  const ImapFakeConfig& config_;
  store::MailStore& store_;
  cmd::CommandDecoder decoder_;
  std::shared_ptr<ClientRedactor> redactor_;
  State state_ = State::not_authenticated;
  std::string user_;
  store::MailboxPtr selected_;
  bool read_only_ = false;
  std::vector<store::Uid> view_;  // UIDs by sequence number - 1, as this session last announced
  store::ModSeq seen_modseq_ = 0;  // flag changes up to here have been announced
  // RFC 7162 §3.1: once a CONDSTORE-enabling command was seen, every FETCH
  // response about flags carries MODSEQ.
  bool condstore_ = false;
  bool rev2_ = false;  // ENABLE IMAP4rev2 seen (RFC 9051 §6.3.1)
  // "$": what the last SEARCH ... RETURN (SAVE) found, as UIDs so expunges
  // drop out of it (RFC 5182 §2.1, RFC 9051 §6.4.4.1); ascending.
  std::vector<store::Uid> saved_result_;
  std::size_t errors_ = 0;
};

std::string Session::capabilities() const {
  // IMAP4rev2 folds in most of these; a server that also speaks IMAP4rev1
  // lists them for IMAP4rev1 clients (RFC 9051 §6.1.1, Appendix E).
  std::string caps =
      "IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR IDLE ID NAMESPACE UIDPLUS MOVE UNSELECT ENABLE SPECIAL-USE CHILDREN "
      "CONDSTORE ESEARCH SEARCHRES BINARY LIST-EXTENDED LIST-STATUS STATUS=SIZE";
  if (!tls() && connection_.tls_settings().starttls != StartTlsPolicy::not_offered) caps += " STARTTLS";
  if (login_allowed()) {
    for (const auto& mechanism : config_.sasl_mechanisms) caps += " AUTH=" + mechanism;
  } else {
    caps += " LOGINDISABLED";  // RFC 3501 §6.2.3 / RFC 9051 §6.2.3: no plaintext LOGIN
  }
  return caps;
}

net::awaitable<std::optional<cmd::DecoderEvent>> Session::next_event() {
  for (;;) {
    cmd::DecoderEvent event = decoder_.next();
    if (!std::holds_alternative<cmd::NeedMore>(event)) co_return event;
    auto bytes = co_await stream_.read_some(64 * 1024, connection_.timeouts().idle);
    if (!bytes) {
      if (bytes.error().code == net::ErrorCode::timeout) {
        // RFC 3501 §5.4: autologout, announced with BYE.
        co_await connection_.send("* BYE Autologout; idle for too long\r\n", nullptr);
      }
      co_return std::nullopt;
    }
    decoder_.feed(*bytes);
  }
}

net::awaitable<Session::Next> Session::write(std::string bytes) {
  auto written = co_await stream_.write(std::move(bytes), connection_.timeouts().write);
  co_return written ? Next::go_on : Next::close;
}

net::awaitable<Session::Next> Session::finish(const std::string& tag, std::string_view verb, std::string untagged,
                                              std::string status) {
  const bool go_on = co_await connection_.respond(FaultPoint::command, verb, untagged + tag + " " + status + "\r\n");
  co_return go_on ? Next::go_on : Next::close;
}

net::awaitable<Session::Next> Session::bad(const std::string& tag, std::string_view verb, std::string_view text) {
  if (++errors_ >= config_.max_errors) {
    co_await connection_.send("* BYE Too many errors\r\n", nullptr);
    co_return Next::close;
  }
  // Locals, not ?: or {} temporaries: GCC 12 mishandles those as coroutine arguments.
  std::string reply_tag = tag;
  if (reply_tag.empty()) reply_tag = "*";
  std::string status = "BAD " + std::string(text);
  auto next = co_await finish(reply_tag, verb, std::string(), std::move(status));
  co_return next;
}

net::awaitable<void> Session::run() {
  const std::string greeting = "* OK [CAPABILITY " + capabilities() + "] conformance fake IMAP ready\r\n";
  const std::string_view no_command;
  const bool greeted = co_await connection_.respond(FaultPoint::greeting, no_command, greeting);
  if (!greeted) co_return;
  for (;;) {
    auto event = co_await next_event();
    if (!event) co_return;
    Next next = Next::go_on;
    if (auto* needed = std::get_if<cmd::ContinuationNeeded>(&*event)) {
      (void)needed;
      next = co_await write("+ Ready for literal data\r\n");
    } else if (auto* rejected = std::get_if<cmd::LiteralRejected>(&*event)) {
      // RFC 9051 §7.1: [TOOBIG] for a literal over the server's limit.
      std::string text = "NO [TOOBIG] Literal too large";
      if (rejected->reason == cmd::LiteralRejected::Reason::non_synchronizing_refused)
        text = "BAD Non-synchronizing literal not allowed";
      std::string reply_tag = rejected->tag;
      if (reply_tag.empty()) reply_tag = "*";
      next = co_await finish(reply_tag, "", std::string(), std::move(text));
    } else if (auto* error = std::get_if<cmd::CommandError>(&*event)) {
      next = co_await bad(error->tag, "", "Syntax error: " + error->error.message());
      if (decoder_.stream_failed()) next = Next::close;
    } else if (auto* command = std::get_if<cmd::Command>(&*event)) {
      next = co_await execute(*command);
    } else {
      next = co_await bad("", "", "Unexpected line");
    }
    if (next == Next::close || state_ == State::logout) co_return;
  }
}

void Session::log_in(const std::string& user) {
  user_ = user;
  state_ = State::authenticated;
}

std::string Session::as_sent(const std::string& name) const {
  if (rev2_) return name;
  auto encoded = codec::imap::encode_mutf7(name);
  return encoded ? *encoded : name;  // the store holds UTF-8 only, so this always encodes
}

std::optional<std::string> Session::store_name(std::string_view sent, std::string& status) const {
  if (rev2_) {
    // UTF-8 names, checked as the encoder does (RFC 9051 §5.1).
    if (!codec::imap::encode_mutf7(sent)) {
      status = "NO [CANNOT] Mailbox name is not UTF-8";
      return std::nullopt;
    }
    return std::string(sent);
  }
  auto decoded = codec::imap::decode_mutf7(sent);
  if (!decoded) {
    status = "NO [CANNOT] Mailbox name is not modified UTF-7 (RFC 3501 §5.1.3): " + decoded.error().message();
    return std::nullopt;
  }
  return *decoded;
}

const store::StoredMessage* Session::message_at(std::uint32_t sequence_number) const {
  if (!selected_ || sequence_number == 0 || sequence_number > view_.size()) return nullptr;
  return selected_->find(view_[sequence_number - 1]);
}

std::vector<std::uint32_t> Session::resolve(const codec::imap::SequenceSet& set, bool uid) const {
  std::vector<std::uint32_t> numbers;
  if (view_.empty()) return numbers;
  const std::uint32_t largest = uid ? view_.back() : static_cast<std::uint32_t>(view_.size());
  for (std::uint32_t i = 0; i < view_.size(); ++i) {
    const std::uint32_t key = uid ? view_[i] : i + 1;
    const bool in_set = set.saved_result ? std::binary_search(saved_result_.begin(), saved_result_.end(), view_[i])
                                         : set.contains(key, largest);
    if (in_set) numbers.push_back(i + 1);
  }
  return numbers;
}

std::string Session::catch_up(bool allow_expunge) {
  if (!selected_) return {};
  std::string out;
  if (selected_->deleted()) {
    // The mailbox went away under us (another session DELETEd it).
    out += "* BYE Selected mailbox was deleted\r\n";
    state_ = State::logout;
    return out;
  }
  const auto& messages = selected_->messages();
  if (allow_expunge) {
    // Expunges, highest sequence number first so each number is valid when sent.
    for (std::size_t i = view_.size(); i-- > 0;) {
      if (!selected_->find(view_[i])) {
        out += fmt::format("* {} EXPUNGE\r\n", i + 1);
        view_.erase(view_.begin() + static_cast<std::ptrdiff_t>(i));
      }
    }
  }
  const store::Uid last_known = view_.empty() ? 0 : view_.back();
  std::size_t added = 0;
  for (const auto& message : messages)
    if (message.uid > last_known) view_.push_back(message.uid), ++added;
  if (added > 0) out += fmt::format("* {} EXISTS\r\n", view_.size());
  // Flags another session changed since we last looked.
  if (selected_->highest_modseq() > seen_modseq_) {
    for (std::uint32_t i = 0; i < view_.size(); ++i) {
      const store::StoredMessage* message = selected_->find(view_[i]);
      if (!message || message->modseq <= seen_modseq_ || message->uid > last_known) continue;
      Writer writer;
      writer.raw(fmt::format("* {} FETCH (FLAGS ", i + 1));
      codec::imap::write_flag_list(writer, message->flags);
      if (condstore_) writer.raw(" MODSEQ (").number(message->modseq).raw(")");
      writer.raw(")\r\n");
      out += std::move(writer).bytes();
    }
    seen_modseq_ = selected_->highest_modseq();
  }
  return out;
}

net::awaitable<Session::Next> Session::execute(cmd::Command& command) {
  const std::string& tag = command.tag;
  const std::string verb = cmd::command_name(command);
  cmd::CommandBody& body = command.body;
  const bool any_state = std::holds_alternative<cmd::Capability>(body) || std::holds_alternative<cmd::Noop>(body) ||
                         std::holds_alternative<cmd::Logout>(body) || std::holds_alternative<cmd::Id>(body);
  const bool not_authenticated_only = std::holds_alternative<cmd::StartTls>(body) ||
                                      std::holds_alternative<cmd::Authenticate>(body) ||
                                      std::holds_alternative<cmd::Login>(body);
  const bool selected_only = std::holds_alternative<cmd::Check>(body) || std::holds_alternative<cmd::Close>(body) ||
                             std::holds_alternative<cmd::Unselect>(body) || std::holds_alternative<cmd::Expunge>(body) ||
                             std::holds_alternative<cmd::UidExpunge>(body) || std::holds_alternative<cmd::Search>(body) ||
                             std::holds_alternative<cmd::Fetch>(body) || std::holds_alternative<cmd::Store>(body) ||
                             std::holds_alternative<cmd::Copy>(body) || std::holds_alternative<cmd::Move>(body);
  if (std::holds_alternative<cmd::UnknownCommand>(body)) {
    auto next = co_await bad(tag, verb, "Unknown command");
    co_return next;
  }
  // RFC 3501 §3: a command not valid in the current state is an error.
  if (!any_state) {
    if (not_authenticated_only && state_ != State::not_authenticated) {
      auto next = co_await bad(tag, verb, "Already authenticated");
      co_return next;
    }
    if (!not_authenticated_only && state_ == State::not_authenticated) {
      auto next = co_await bad(tag, verb, "Log in first");
      co_return next;
    }
    if (selected_only && state_ != State::selected) {
      auto next = co_await bad(tag, verb, "No mailbox selected");
      co_return next;
    }
  }
  errors_ = 0;
  std::string untagged;
  std::string status = "OK " + verb + " completed";
  bool allow_expunge = true;

  if (std::holds_alternative<cmd::Capability>(body)) {
    untagged = "* CAPABILITY " + capabilities() + "\r\n";
  } else if (std::holds_alternative<cmd::Noop>(body) || std::holds_alternative<cmd::Check>(body)) {
    // Nothing to do but report changes (below).
  } else if (std::holds_alternative<cmd::Logout>(body)) {
    state_ = State::logout;
    co_await finish(tag, verb, "* BYE Logging out\r\n", status);
    co_return Next::close;
  } else if (auto* id = std::get_if<cmd::Id>(&body)) {
    (void)id;
    untagged = "* ID (\"name\" \"conformance-fake\" \"version\" \"1\")\r\n";
  } else if (std::holds_alternative<cmd::StartTls>(body)) {
    auto next = co_await on_starttls(tag);
    co_return next;
  } else if (auto* authenticate = std::get_if<cmd::Authenticate>(&body)) {
    auto next = co_await on_authenticate(tag, *authenticate);
    co_return next;
  } else if (auto* login = std::get_if<cmd::Login>(&body)) {
    if (!login_allowed()) {
      status = "NO [PRIVACYREQUIRED] LOGIN is disabled before TLS; use STARTTLS";
    } else {
      const auto expected = store_.accounts().password(login->username);
      if (expected && expected->view() == login->password) {
        log_in(login->username);
        status = "OK [CAPABILITY " + capabilities() + "] Logged in";
      } else {
        status = "NO [AUTHENTICATIONFAILED] Invalid credentials";
      }
    }
  } else if (auto* enable = std::get_if<cmd::Enable>(&body)) {
    // RFC 5161 §3.1: ENABLED lists only what this command newly enabled.
    untagged = "* ENABLED";
    for (const auto& capability : enable->capabilities) {
      const std::string name = upper(capability);
      if (name == "CONDSTORE" && !condstore_) {
        condstore_ = true;
        untagged += " CONDSTORE";
      } else if (name == "IMAP4REV2" && !rev2_) {
        rev2_ = true;
        untagged += " IMAP4rev2";
      }
    }
    untagged += "\r\n";
  } else if (auto* select_command = std::get_if<cmd::Select>(&body)) {
    untagged = select(*select_command, false, status);
  } else if (auto* examine = std::get_if<cmd::Examine>(&body)) {
    cmd::Select as_select{examine->mailbox, examine->parameters};
    untagged = select(as_select, true, status);
  } else if (auto* create = std::get_if<cmd::Create>(&body)) {
    std::string use;
    if (create->special_use && !create->special_use->empty()) use = create->special_use->front();
    const auto name = store_name(create->mailbox, status);
    if (!name) {
      // status says why
    } else if (upper(*name) == "INBOX") {
      status = "NO [ALREADYEXISTS] INBOX always exists";
    } else {
      auto created = store_.create_mailbox(user_, *name, use);
      if (!created) {
        status = created.error() == store::StoreError::mailbox_exists ? "NO [ALREADYEXISTS] Mailbox exists"
                                                                      : "NO [CANNOT] Invalid mailbox name";
      }
    }
  } else if (auto* remove = std::get_if<cmd::Delete>(&body)) {
    const auto name = store_name(remove->mailbox, status);
    auto removed = name ? store_.delete_mailbox(user_, *name) : store::StoreResult<void>{};
    if (!name) {
      // status says why
    } else if (!removed) {
      switch (removed.error()) {
        case store::StoreError::no_such_mailbox:
          status = "NO [NONEXISTENT] No such mailbox";
          break;
        case store::StoreError::has_children:
          status = "NO [INUSE] Mailbox has children; delete them first";
          break;
        default:
          status = "NO [CANNOT] INBOX cannot be deleted";
      }
    } else if (selected_ && selected_->deleted()) {
      deselect();
    }
  } else if (auto* rename = std::get_if<cmd::Rename>(&body)) {
    const auto from = store_name(rename->from, status);
    const auto to = from ? store_name(rename->to, status) : std::nullopt;
    auto renamed = from && to ? store_.rename_mailbox(user_, *from, *to) : store::StoreResult<void>{};
    if (!from || !to) {
      // status says why
    } else if (!renamed) {
      status = renamed.error() == store::StoreError::no_such_mailbox ? "NO [NONEXISTENT] No such mailbox"
               : renamed.error() == store::StoreError::mailbox_exists ? "NO [ALREADYEXISTS] Target exists"
                                                                       : "NO [CANNOT] Cannot rename";
    }
  } else if (auto* subscribe = std::get_if<cmd::Subscribe>(&body)) {
    const auto name = store_name(subscribe->mailbox, status);
    if (name && !store_.set_subscribed(user_, *name, true)) status = "NO [NONEXISTENT] No such mailbox";
  } else if (auto* unsubscribe = std::get_if<cmd::Unsubscribe>(&body)) {
    const auto name = store_name(unsubscribe->mailbox, status);
    if (name && !store_.set_subscribed(user_, *name, false)) status = "NO [NONEXISTENT] Not subscribed";
  } else if (auto* list_command = std::get_if<cmd::List>(&body)) {
    untagged = list(*list_command, status);
  } else if (auto* lsub_command = std::get_if<cmd::Lsub>(&body)) {
    untagged = lsub(*lsub_command);
  } else if (std::holds_alternative<cmd::Namespace>(body)) {
    untagged = fmt::format("* NAMESPACE ((\"\" \"{}\")) NIL NIL\r\n", store::kHierarchyDelimiter);
  } else if (auto* status_command = std::get_if<cmd::Status>(&body)) {
    untagged = status_of(*status_command, status);
  } else if (auto* append_command = std::get_if<cmd::Append>(&body)) {
    untagged = append(*append_command, status);
  } else if (std::holds_alternative<cmd::Idle>(body)) {
    auto next = co_await on_idle(tag);
    co_return next;
  } else if (std::holds_alternative<cmd::Close>(body)) {
    // RFC 3501 §6.4.2: CLOSE expunges silently (unless read-only).
    if (!read_only_) (void)expunge(std::nullopt, true);
    deselect();
    allow_expunge = false;
  } else if (std::holds_alternative<cmd::Unselect>(body)) {
    deselect();
    allow_expunge = false;
  } else if (std::holds_alternative<cmd::Expunge>(body)) {
    if (read_only_) status = "NO [READ-ONLY] Mailbox is read-only";
    else untagged = expunge(std::nullopt, false);
  } else if (auto* uid_expunge = std::get_if<cmd::UidExpunge>(&body)) {
    if (read_only_) status = "NO [READ-ONLY] Mailbox is read-only";
    else untagged = expunge(uid_expunge->uids, false);
  } else if (auto* search_command = std::get_if<cmd::Search>(&body)) {
    untagged = search(tag, *search_command, status);
    allow_expunge = false;  // RFC 3501 §7.4.1: no EXPUNGE during SEARCH
  } else if (auto* fetch_command = std::get_if<cmd::Fetch>(&body)) {
    // FETCH streams its responses itself (a 100,000-message FETCH is not
    // one string); the status comes back.
    untagged = fetch(*fetch_command, status);
    allow_expunge = false;
  } else if (auto* store_command = std::get_if<cmd::Store>(&body)) {
    untagged = store(*store_command, status);
    allow_expunge = false;
  } else if (auto* copy = std::get_if<cmd::Copy>(&body)) {
    untagged = copy_or_move(copy->uid, copy->set, copy->mailbox, false, status);
  } else if (auto* move = std::get_if<cmd::Move>(&body)) {
    untagged = copy_or_move(move->uid, move->set, move->mailbox, true, status);
  }
  if (state_ == State::selected) untagged += catch_up(allow_expunge);
  auto next = co_await finish(tag, verb, std::move(untagged), status);
  if (state_ == State::logout) co_return Next::close;
  co_return next;
}

net::awaitable<Session::Next> Session::on_starttls(const std::string& tag) {
  if (tls()) {
    auto next = co_await bad(tag, "STARTTLS", "TLS is already active");
    co_return next;
  }
  const StartTlsPolicy policy = connection_.tls_settings().starttls;
  if (policy == StartTlsPolicy::not_offered) {
    auto next = co_await bad(tag, "STARTTLS", "STARTTLS is not supported");
    co_return next;
  }
  if (policy == StartTlsPolicy::refused) {
    auto next = co_await finish(tag, "STARTTLS", std::string(), "NO [UNAVAILABLE] TLS is not available right now");
    co_return next;
  }
  const auto sent = co_await connection_.send_tls_go_ahead("STARTTLS", tag + " OK Begin TLS negotiation now\r\n");
  if (sent == FakeConnection::GoAhead::failed) co_return Next::close;
  if (sent == FakeConnection::GoAhead::replaced) co_return Next::go_on;
  // RFC 9051 §6.2.1 / §11.1: anything the client sent after STARTTLS in the
  // clear is discarded, never run inside TLS.
  const std::string early = decoder_.take_buffered();
  auto upgraded = co_await connection_.upgrade_to_tls();
  if (!upgraded) co_return Next::close;
  const std::size_t discarded = early.size() + upgraded->discarded_plaintext.size();
  if (discarded > 0) stream_.note(fmt::format("discarded {} bytes sent in the clear after STARTTLS", discarded));
  decoder_.reset();
  co_return Next::go_on;
}

net::awaitable<Session::Next> Session::on_authenticate(const std::string& tag, const cmd::Authenticate& authenticate) {
  if (!login_allowed()) {
    auto next = co_await finish(tag, "AUTHENTICATE", std::string(), "NO [PRIVACYREQUIRED] Authentication needs TLS; use STARTTLS");
    co_return next;
  }
  const std::string name = upper(authenticate.mechanism);
  const auto mechanism = codec::sasl::mechanism_from_name(name);
  if (!mechanism || std::find(config_.sasl_mechanisms.begin(), config_.sasl_mechanisms.end(), name) ==
                        config_.sasl_mechanisms.end()) {
    auto next = co_await finish(tag, "AUTHENTICATE", std::string(), "NO [CANNOT] Unsupported authentication mechanism");
    co_return next;
  }
  codec::sasl::ServerSettings settings;
  settings.hostname = config_.hostname;
  auto server = codec::sasl::make_server(*mechanism, store_.accounts(), settings);
  codec::sasl::ServerStep step = server->start(authenticate.initial_response);
  while (step.is_challenge()) {
    auto asked = co_await write("+ " + codec::base64_encode(step.data) + "\r\n");
    if (asked == Next::close) co_return asked;
    redactor_->next_line_is_secret();
    decoder_.expect(cmd::NextLine::authenticate_response);
    auto event = co_await next_event();
    if (!event) co_return Next::close;
    auto* response = std::get_if<cmd::AuthenticateResponse>(&*event);
    if (!response) {
      // RFC 9051 §6.2.2: a response that is not base64 fails the command with BAD.
      auto next = co_await bad(tag, "AUTHENTICATE", "Invalid base64 in the response");
      co_return next;
    }
    if (response->cancelled) {
      auto next = co_await bad(tag, "AUTHENTICATE", "Authentication cancelled");
      co_return next;
    }
    step = server->step(response->data);
  }
  if (!step.is_success()) {
    auto next = co_await finish(tag, "AUTHENTICATE", std::string(), "NO [AUTHENTICATIONFAILED] Authentication failed");
    co_return next;
  }
  log_in(step.identity.authcid);
  auto next = co_await finish(tag, "AUTHENTICATE", std::string(), "OK [CAPABILITY " + capabilities() + "] Logged in");
  co_return next;
}

net::awaitable<Session::Next> Session::on_idle(const std::string& tag) {
  auto started = co_await write("+ idling\r\n");
  if (started == Next::close) co_return started;
  decoder_.expect(cmd::NextLine::idle_done);
  const auto limit = std::chrono::steady_clock::now() + connection_.timeouts().idle;
  for (;;) {
    // RFC 3501 §6.3.13 / RFC 2177: changes are reported while idling.
    if (state_ == State::selected) {
      std::string changes = catch_up(true);
      if (!changes.empty()) {
        auto sent = co_await write(std::move(changes));
        if (sent == Next::close) co_return sent;
      }
    }
    cmd::DecoderEvent event = decoder_.next();
    if (std::holds_alternative<cmd::IdleDone>(event)) break;
    if (!std::holds_alternative<cmd::NeedMore>(event)) {
      auto next = co_await bad(tag, "IDLE", "Expected DONE");
      co_return next;
    }
    if (std::chrono::steady_clock::now() > limit) {
      co_await connection_.send("* BYE Idle for too long\r\n", nullptr);
      co_return Next::close;
    }
    auto bytes = co_await stream_.read_some(64 * 1024, config_.idle_poll);
    if (bytes) {
      decoder_.feed(*bytes);
    } else if (bytes.error().code != net::ErrorCode::timeout) {
      co_return Next::close;
    }
  }
  auto next = co_await finish(tag, "IDLE", std::string(), "OK IDLE terminated");
  co_return next;
}

std::string Session::select(const cmd::Select& select_command, bool read_only, std::string& status) {
  // RFC 9051 §7.1: [CLOSED] parts the old mailbox's responses from the new one's.
  std::string out;
  if (rev2_ && selected_) out = "* OK [CLOSED] Previous mailbox closed\r\n";
  // RFC 3501 §6.3.1: a failed SELECT leaves no mailbox selected.
  deselect();
  const auto name = store_name(select_command.mailbox, status);
  auto mailbox = name ? store_.find_mailbox(user_, *name) : nullptr;
  if (!name) return out;
  if (!mailbox) {
    status = "NO [NONEXISTENT] No such mailbox";
    return out;
  }
  selected_ = mailbox;
  read_only_ = read_only;
  if (select_command.parameters.condstore) condstore_ = true;
  state_ = State::selected;
  view_.clear();
  for (const auto& message : mailbox->messages()) view_.push_back(message.uid);
  seen_modseq_ = mailbox->highest_modseq();
  std::string keywords;
  for (const auto& keyword : mailbox->keywords()) keywords += " " + keyword;
  out += fmt::format("* FLAGS ({}{})\r\n", kSystemFlags, keywords);
  if (read_only) out += "* OK [PERMANENTFLAGS ()] Read-only mailbox\r\n";
  else out += fmt::format("* OK [PERMANENTFLAGS ({}{} \\*)] Flags permitted\r\n", kSystemFlags, keywords);
  out += fmt::format("* {} EXISTS\r\n", view_.size());
  if (rev2_) {
    // RFC 9051 §6.3.2: RECENT and [UNSEEN] are gone; a LIST of the mailbox is required.
    cmd::List own;
    own.patterns.push_back(as_sent(mailbox->name()));
    for (const auto& listed : list_mailboxes(own, list_input()))
      if (listed.name == mailbox->name()) out += list_response(listed);
  } else {
    out += "* 0 RECENT\r\n";
    for (std::size_t i = 0; i < mailbox->messages().size(); ++i) {
      if (!mailbox->messages()[i].has_flag("\\Seen")) {
        out += fmt::format("* OK [UNSEEN {}] First unseen\r\n", i + 1);
        break;
      }
    }
  }
  out += fmt::format("* OK [UIDVALIDITY {}] UIDs valid\r\n* OK [UIDNEXT {}] Predicted next UID\r\n",
                     mailbox->uid_validity(), mailbox->uid_next());
  // RFC 7162 §3.1.2.1: with persistent mod-sequences, on every SELECT/EXAMINE.
  out += fmt::format("* OK [HIGHESTMODSEQ {}] Highest\r\n", mailbox->highest_modseq());
  status = read_only ? "OK [READ-ONLY] EXAMINE completed" : "OK [READ-WRITE] SELECT completed";
  return out;
}

std::string Session::fetch(const cmd::Fetch& fetch_command, std::string& status) {
  std::vector<cmd::FetchAttribute> attributes = fetch_command.attributes;
  using Kind = cmd::FetchAttribute::Kind;
  if (fetch_command.macro) {
    attributes = {cmd::FetchAttribute::simple(Kind::flags), cmd::FetchAttribute::simple(Kind::internal_date),
                  cmd::FetchAttribute::simple(Kind::rfc822_size)};
    if (*fetch_command.macro != cmd::FetchMacro::fast)
      attributes.push_back(cmd::FetchAttribute::simple(Kind::envelope));
    if (*fetch_command.macro == cmd::FetchMacro::full) attributes.push_back(cmd::FetchAttribute::simple(Kind::body));
  }
  auto has = [&attributes](Kind kind) {
    return std::any_of(attributes.begin(), attributes.end(), [kind](const auto& a) { return a.kind == kind; });
  };
  // RFC 7162 §3.1.4: CHANGEDSINCE implies MODSEQ; both enable CONDSTORE.
  if (fetch_command.changed_since && !has(Kind::modseq)) attributes.push_back(cmd::FetchAttribute::simple(Kind::modseq));
  if (has(Kind::modseq)) condstore_ = true;
  // UID FETCH always returns UID (RFC 3501 §6.4.8).
  if (fetch_command.uid && std::none_of(attributes.begin(), attributes.end(),
                                        [](const auto& a) { return a.kind == Kind::uid; }))
    attributes.insert(attributes.begin(), cmd::FetchAttribute::simple(Kind::uid));
  // Fetching a body section without PEEK sets \Seen (RFC 3501 §6.4.5).
  const bool sets_seen = !read_only_ && std::any_of(attributes.begin(), attributes.end(), [](const auto& a) {
    return ((a.kind == Kind::body_section || a.kind == Kind::binary) && !a.peek) || a.kind == Kind::rfc822 ||
           a.kind == Kind::rfc822_text;
  });
  std::string out;
  for (std::uint32_t number : resolve(fetch_command.set, fetch_command.uid)) {
    const store::StoredMessage* message = message_at(number);
    if (!message) continue;
    if (fetch_command.changed_since && message->modseq <= *fetch_command.changed_since) continue;
    bool add_flags = false;
    if (sets_seen && !message->has_flag("\\Seen")) {
      (void)store_.store_flags(user_, selected_->name(), {message->uid}, store::FlagChange::add, {"\\Seen"});
      message = message_at(number);
      add_flags = std::none_of(attributes.begin(), attributes.end(),
                               [](const auto& a) { return a.kind == Kind::flags; });
    }
    MessageView view(*message);
    Writer writer;
    writer.raw(fmt::format("* {} FETCH (", number));
    bool first = true;
    for (const auto& attribute : attributes) {
      if (!first) writer.sp();
      first = false;
      if (!write_fetch_item(writer, attribute, view)) {
        const bool binary = attribute.kind == Kind::binary || attribute.kind == Kind::binary_size;
        status = binary ? "NO [UNKNOWN-CTE] A part's Content-Transfer-Encoding cannot be decoded"
                        : "NO [CANNOT] Some data items could not be served";
        writer.raw("UID ").number(message->uid);
      }
    }
    if (add_flags) {
      writer.raw(" FLAGS ");
      codec::imap::write_flag_list(writer, message->flags);
      if (condstore_ && !has(Kind::modseq)) writer.raw(" MODSEQ (").number(message->modseq).raw(")");
    }
    writer.raw(")\r\n");
    out += std::move(writer).bytes();
  }
  // Our own \Seen changes were reported in the FETCH responses.
  if (sets_seen && selected_) seen_modseq_ = std::max(seen_modseq_, selected_->highest_modseq());
  return out;
}

std::string Session::store(const cmd::Store& store_command, std::string& status) {
  if (read_only_) {
    status = "NO [READ-ONLY] Mailbox is read-only";
    return {};
  }
  if (store_command.unchanged_since) condstore_ = true;
  std::vector<std::uint32_t> numbers;
  std::vector<store::Uid> uids;
  // RFC 7162 §3.1.3: messages changed since UNCHANGEDSINCE are left alone
  // and listed in MODIFIED.
  std::vector<std::uint32_t> modified;
  for (auto number : resolve(store_command.set, store_command.uid)) {
    const store::StoredMessage* message = message_at(number);
    if (store_command.unchanged_since && message && message->modseq > *store_command.unchanged_since) {
      modified.push_back(store_command.uid ? message->uid : number);
      continue;
    }
    numbers.push_back(number);
    uids.push_back(view_[number - 1]);
  }
  if (!modified.empty()) {
    std::string set;
    for (auto value : modified) set += (set.empty() ? "" : ",") + std::to_string(value);
    status = "OK [MODIFIED " + set + "] Conditional STORE failed for some messages";
  }
  const store::FlagChange change = store_command.mode == cmd::StoreMode::add      ? store::FlagChange::add
                                   : store_command.mode == cmd::StoreMode::remove ? store::FlagChange::remove
                                                                                  : store::FlagChange::replace;
  // Another session's flag changes are announced before ours change the modseq.
  std::string out = catch_up(false);
  if (uids.empty()) return out;
  auto result = store_.store_flags(user_, selected_->name(), uids, change, store_command.flags);
  seen_modseq_ = selected_->highest_modseq();
  // With CONDSTORE, .SILENT still reports the new MODSEQ (RFC 7162 §3.1.3).
  if (!result || (store_command.silent && !condstore_)) return out;
  for (auto number : numbers) {
    const store::StoredMessage* message = message_at(number);
    if (!message) continue;
    Writer writer;
    writer.raw(fmt::format("* {} FETCH (", number));
    if (store_command.uid) writer.raw("UID ").number(message->uid).sp();
    if (!store_command.silent) {
      writer.raw("FLAGS ");
      codec::imap::write_flag_list(writer, message->flags);
      if (condstore_) writer.sp();
    }
    if (condstore_) writer.raw("MODSEQ (").number(message->modseq).raw(")");
    writer.raw(")\r\n");
    out += std::move(writer).bytes();
  }
  return out;
}

std::string Session::search(const std::string& tag, const cmd::Search& search_command, std::string& status) {
  const bool save = search_command.return_options && search_command.return_options->save;
  if (search_command.charset && upper(*search_command.charset) != "UTF-8" &&
      upper(*search_command.charset) != "US-ASCII") {
    status = "NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset";
    // RFC 5182 §2.1: a failed SEARCH ... SAVE leaves "$" empty.
    if (save) saved_result_.clear();
    return {};
  }
  SearchContext context;
  context.largest_sequence_number = static_cast<std::uint32_t>(view_.size());
  context.largest_uid = view_.empty() ? 0 : view_.back();
  context.saved_result = &saved_result_;
  std::string out = "* SEARCH";
  std::vector<std::uint32_t> found;
  std::vector<store::Uid> found_uids;
  store::ModSeq highest_matched = 0;
  for (std::uint32_t i = 0; i < view_.size(); ++i) {
    const store::StoredMessage* message = selected_->find(view_[i]);
    if (!message) continue;
    MessageView view(*message);
    context.sequence_number = i + 1;
    bool all = true;
    for (const auto& key : search_command.keys) all = all && search_matches(key, view, context);
    if (!all) continue;
    found.push_back(search_command.uid ? message->uid : i + 1);
    found_uids.push_back(message->uid);
    out += " " + std::to_string(found.back());
    highest_matched = std::max(highest_matched, message->modseq);
  }
  if (save) {
    // RFC 5182 §2.1 / RFC 9051 §6.4.4.1: with MIN or MAX and neither ALL nor
    // COUNT, "$" holds only the message(s) those return.
    const cmd::SearchReturn& wanted = *search_command.return_options;
    saved_result_.clear();
    if ((wanted.min || wanted.max) && !wanted.all && !wanted.count) {
      if (wanted.min && !found_uids.empty()) saved_result_.push_back(found_uids.front());
      if (wanted.max && !found_uids.empty() && found_uids.back() != found_uids.front())
        saved_result_.push_back(found_uids.back());
    } else {
      saved_result_ = found_uids;
    }
  }
  // RFC 9051 §6.4.4: once IMAP4rev2 is enabled, SEARCH answers with ESEARCH.
  if (search_command.return_options || rev2_) {
    if (uses_modseq(search_command.keys)) condstore_ = true;
    return extended_search_result(tag, search_command, found, highest_matched);
  }
  // RFC 7162 §3.1.5: a search with MODSEQ reports the highest mod-sequence of what it found.
  if (uses_modseq(search_command.keys)) {
    condstore_ = true;
    if (highest_matched > 0) out += fmt::format(" (MODSEQ {})", highest_matched);
  }
  return out + "\r\n";
}

ListInput Session::list_input() const {
  ListInput input;
  input.mailboxes = store_.mailboxes(user_);
  input.subscriptions = store_.subscriptions(user_);
  input.as_sent = [this](const std::string& name) { return as_sent(name); };
  return input;
}

std::string Session::list_response(const ListedName& listed) {
  Writer out = writer();
  out.raw("* LIST (");
  for (std::size_t i = 0; i < listed.attributes.size(); ++i) out.raw(i == 0 ? "" : " ").raw(listed.attributes[i]);
  out.raw(fmt::format(") \"{}\" ", store::kHierarchyDelimiter));
  out.astring(as_sent(listed.name));
  if (listed.subscribed_children) out.raw(" (\"CHILDINFO\" (\"SUBSCRIBED\"))");
  out.crlf();
  return std::move(out).bytes();
}

std::string Session::list(const cmd::List& list_command, std::string& status) {
  std::string out;
  if (std::any_of(list_command.patterns.begin(), list_command.patterns.end(),
                  [](const std::string& pattern) { return pattern.empty(); })) {
    // RFC 9051 §6.3.9: an empty pattern asks for the hierarchy delimiter and root.
    out += fmt::format("* LIST (\\Noselect) \"{}\" \"\"\r\n", store::kHierarchyDelimiter);
  }
  const bool with_status = list_command.return_options && list_command.return_options->status;
  for (const ListedName& listed : list_mailboxes(list_command, list_input())) {
    out += list_response(listed);
    // RFC 5819 §2: STATUS after the LIST of each mailbox that can be selected.
    if (!with_status || !listed.mailbox) continue;
    const auto items = status_items(*listed.mailbox, *list_command.return_options->status);
    if (!items) {
      status = std::string(kNoRecentInRev2);
      return {};
    }
    out += status_response(listed.name, *items);
  }
  return out;
}

std::string Session::lsub(const cmd::Lsub& lsub_command) {
  std::string out;
  const std::string full = lsub_command.reference + lsub_command.pattern;
  for (const std::string& name : store_.subscriptions(user_)) {
    if (!wildcard_match(full, as_sent(name))) continue;
    Writer line = writer();
    // RFC 3501 §6.3.9: a subscribed name with no mailbox behind it is \Noselect.
    line.raw(store_.find_mailbox(user_, name) ? "* LSUB () " : "* LSUB (\\Noselect) ");
    line.raw(fmt::format("\"{}\" ", store::kHierarchyDelimiter)).astring(as_sent(name)).crlf();
    out += std::move(line).bytes();
  }
  return out;
}

std::optional<std::string> Session::status_items(const store::Mailbox& mailbox,
                                                 const std::vector<cmd::StatusItem>& wanted) {
  std::string items;
  for (cmd::StatusItem item : wanted) {
    std::uint64_t value = 0;
    switch (item) {
      case cmd::StatusItem::messages:
        value = mailbox.messages().size();
        break;
      case cmd::StatusItem::uid_next:
        value = mailbox.uid_next();
        break;
      case cmd::StatusItem::uid_validity:
        value = mailbox.uid_validity();
        break;
      case cmd::StatusItem::unseen:
        for (const auto& message : mailbox.messages()) value += message.has_flag("\\Seen") ? 0 : 1;
        break;
      case cmd::StatusItem::deleted:
        for (const auto& message : mailbox.messages()) value += message.has_flag("\\Deleted") ? 1 : 0;
        break;
      case cmd::StatusItem::size:
        for (const auto& message : mailbox.messages()) value += message.size();
        break;
      case cmd::StatusItem::highest_modseq:
        condstore_ = true;  // RFC 7162 §3.1: a CONDSTORE-enabling command
        value = mailbox.highest_modseq();
        break;
      case cmd::StatusItem::recent:
        if (rev2_) return std::nullopt;  // RFC 9051 Appendix E: \Recent is gone
        value = 0;
        break;
      default:
        continue;  // not claimed (APPENDLIMIT, MAILBOXID)
    }
    items += fmt::format("{}{} {}", items.empty() ? "" : " ", cmd::status_item_name(item), value);
  }
  return "(" + items + ")";
}

std::string Session::status_of(const cmd::Status& status_command, std::string& tagged) {
  const auto name = store_name(status_command.mailbox, tagged);
  if (!name) return {};
  auto mailbox = store_.find_mailbox(user_, *name);
  if (!mailbox) {
    tagged = "NO [NONEXISTENT] No such mailbox";
    return {};
  }
  const auto items = status_items(*mailbox, status_command.items);
  if (!items) {
    tagged = std::string(kNoRecentInRev2);
    return {};
  }
  return status_response(mailbox->name(), *items);
}

std::string Session::status_response(const std::string& name, const std::string& items) {
  Writer out = writer();
  out.raw("* STATUS ").astring(as_sent(name)).raw(" " + items).crlf();
  return std::move(out).bytes();
}

std::string Session::append(const cmd::Append& append_command, std::string& status) {
  const auto name = store_name(append_command.mailbox, status);
  if (!name) return {};
  auto mailbox = store_.find_mailbox(user_, *name);
  if (!mailbox) {
    // RFC 3501 §6.3.11: [TRYCREATE] when the mailbox does not exist.
    status = "NO [TRYCREATE] No such mailbox";
    return {};
  }
  // Every date is checked before anything is stored: MULTIAPPEND is all or
  // nothing (RFC 3502 §6.3.11).
  std::vector<std::optional<std::chrono::system_clock::time_point>> dates;
  for (const auto& message : append_command.messages) {
    if (!message.internal_date) {
      dates.emplace_back();
      continue;
    }
    const auto& date = *message.internal_date;
    auto instant = instant_of({date.date.year, date.date.month, date.date.day, date.hour, date.minute, date.second,
                               date.zone_minutes});
    if (!instant) {
      status = instant.error() == CivilTimeError::not_a_date
                   ? "BAD Invalid date-time"
                   : "NO [LIMIT] Date-time outside the years this server can store (1678 to 2261)";
      return {};
    }
    dates.emplace_back(*instant);
  }
  std::vector<store::Uid> uids;
  for (std::size_t i = 0; i < append_command.messages.size(); ++i) {
    const auto& message = append_command.messages[i];
    const int offset = message.internal_date ? message.internal_date->zone_minutes : 0;
    auto appended = store_.append(user_, *name, message.data, message.flags.value_or(std::vector<std::string>{}),
                                  dates[i], offset);
    if (!appended) {
      status = "NO [CANNOT] Append failed";
      return {};
    }
    uids.push_back(*appended);
  }
  std::string set;
  for (auto uid : uids) set += (set.empty() ? "" : ",") + std::to_string(uid);
  status = fmt::format("OK [APPENDUID {} {}] APPEND completed", mailbox->uid_validity(), set);
  return {};
}

std::string Session::copy_or_move(bool uid, const codec::imap::SequenceSet& set, const std::string& destination,
                                  bool move, std::string& status) {
  const char* verb = move ? "MOVE" : "COPY";
  if (move && read_only_) {
    status = "NO [READ-ONLY] Mailbox is read-only";
    return {};
  }
  const auto target_name = store_name(destination, status);
  if (!target_name) return {};
  if (!store_.find_mailbox(user_, *target_name)) {
    status = fmt::format("NO [TRYCREATE] {}: no such mailbox", verb);
    return {};
  }
  std::vector<store::Uid> uids;
  for (auto number : resolve(set, uid)) uids.push_back(view_[number - 1]);
  auto copied = store_.copy(user_, selected_->name(), uids, *target_name);
  if (!copied) {
    status = fmt::format("NO [CANNOT] {} failed", verb);
    return {};
  }
  std::string from, to;
  for (const auto& [source, target] : copied->uids) {
    from += (from.empty() ? "" : ",") + std::to_string(source);
    to += (to.empty() ? "" : ",") + std::to_string(target);
  }
  const std::string code =
      copied->uids.empty() ? std::string() : fmt::format("[COPYUID {} {} {}] ", copied->destination_uid_validity, from, to);
  if (!move) {
    status = fmt::format("OK {}COPY completed", code);
    return {};
  }
  // RFC 6851 §4.3: COPYUID in an untagged OK, then the expunges.
  std::string out = code.empty() ? std::string() : "* OK " + code + "Moved\r\n";
  auto removed = store_.expunge(user_, selected_->name(), uids);
  (void)removed;
  out += catch_up(true);
  status = "OK MOVE completed";
  return out;
}

std::string Session::expunge(const std::optional<codec::imap::SequenceSet>& uid_set, bool silent) {
  std::vector<store::Uid> uids;
  for (std::uint32_t i = 0; i < view_.size(); ++i) {
    const store::StoredMessage* message = selected_->find(view_[i]);
    if (!message || !message->has_flag("\\Deleted")) continue;
    if (uid_set && uid_set->saved_result &&
        !std::binary_search(saved_result_.begin(), saved_result_.end(), message->uid))
      continue;
    if (uid_set && !uid_set->saved_result && !uid_set->contains(message->uid, view_.back())) continue;
    uids.push_back(message->uid);
  }
  auto removed = store_.expunge(user_, selected_->name(), uids);
  (void)removed;
  std::string out = catch_up(true);
  return silent ? std::string() : out;
}

}  // namespace

net::awaitable<void> run_imap_session(FakeConnection& connection, const ImapFakeConfig& config,
                                      store::MailStore& store) {
  Session session(connection, config, store);
  co_await session.run();
}

}  // namespace conformance::fakes::imap
