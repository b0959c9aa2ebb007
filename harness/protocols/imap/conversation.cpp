#include "harness/protocols/imap/conversation.hpp"

#include <algorithm>

#include "harness/codec/imap/command/command_state.hpp"
#include "harness/codec/imap/command/serialize_command.hpp"
#include "harness/protocols/imap/response_view.hpp"

namespace conformance::protocols::imap {

namespace {

namespace ci = codec::imap;
namespace cmd = codec::imap::command;

cmd::DecoderOptions sent_bytes_options() {
  cmd::DecoderOptions options;
  // What a scenario sends is ours and already in memory; the caps only
  // have to let deliberately oversized commands through.
  options.frame.max_line_length = 64u << 20;
  options.frame.max_literal_size = 1u << 30;
  options.frame.max_frame_size = 1u << 30;
  options.frame.max_literals = 1'000'000;
  // Servers end lines at a bare LF too; scenarios may send one on purpose.
  options.frame.ending = codec::LineEnding::crlf_or_bare_lf;
  options.non_synchronizing = cmd::NonSynchronizingLiterals::literal_plus;
  return options;
}

bool is_mailbox_data(const ci::Response& response) {
  return std::holds_alternative<ci::ExistsData>(response) || std::holds_alternative<ci::RecentData>(response) ||
         std::holds_alternative<ci::ExpungeData>(response) || std::holds_alternative<ci::FetchData>(response) ||
         std::holds_alternative<ci::VanishedData>(response);
}

std::string describe_status(const ci::StatusResponse& response) {
  std::string text =
      (response.tag ? *response.tag : std::string("*")) + " " + std::string(ci::status_name(response.status));
  if (!response.text.text.empty()) text += " " + one_line(response.text.text, 120);
  return text;
}

}  // namespace

std::string_view to_string(State state) {
  switch (state) {
    case State::not_authenticated:
      return "not_authenticated";
    case State::authenticated:
      return "authenticated";
    case State::selected:
      return "selected";
    case State::logout:
      return "logout";
    case State::closed:
      return "closed";
  }
  return "closed";
}

std::vector<std::string> state_names() {
  return {"not_authenticated", "authenticated", "selected", "logout", "closed"};
}

Conversation::Conversation() : decoder_(sent_bytes_options()) {}

std::string Conversation::next_internal_tag() { return "C" + std::to_string(++next_internal_); }

bool Conversation::is_pending(std::string_view tag) const {
  return std::any_of(pending_.begin(), pending_.end(), [&](const Pending& p) { return p.tag == tag; });
}

bool Conversation::selecting() const {
  return std::any_of(pending_.begin(), pending_.end(),
                     [](const Pending& p) { return p.name == "SELECT" || p.name == "EXAMINE"; });
}

void Conversation::add_pending(std::string tag, std::string name, bool partial) {
  last_tag_ = tag;
  ++commands_sent_;
  auto started =
      std::find_if(pending_.begin(), pending_.end(), [&](const Pending& p) { return p.partial && p.tag == tag; });
  if (started != pending_.end()) {
    started->name = std::move(name);
    started->partial = partial;
    return;
  }
  pending_.push_back(Pending{std::move(tag), std::move(name), state_, false, partial});
}

void Conversation::sent(std::string_view bytes) {
  decoder_.feed(bytes);
  for (;;) {
    cmd::DecoderEvent event = decoder_.next();
    if (std::holds_alternative<cmd::NeedMore>(event)) break;
    if (const auto* command = std::get_if<cmd::Command>(&event)) {
      add_pending(command->tag, cmd::command_name(*command));
    } else if (const auto* needed = std::get_if<cmd::ContinuationNeeded>(&event)) {
      if (literals_waiting_ == 0) literal_command_tag_ = needed->tag;
      ++literals_waiting_;
      // The server may answer now (refusing the literal), before the rest is sent.
      if (!needed->tag.empty() && !is_pending(needed->tag)) add_pending(needed->tag, "", true);
    } else if (const auto* error = std::get_if<cmd::CommandError>(&event)) {
      // The server will answer it with tagged BAD when it can read the tag.
      if (error->has_tag()) add_pending(error->tag, "");
    } else if (const auto* rejected = std::get_if<cmd::LiteralRejected>(&event)) {
      if (!rejected->tag.empty()) add_pending(rejected->tag, "");
    }
    // AuthenticateResponse, IdleDone: lines inside a command in progress.
  }
}

std::vector<Violation> Conversation::received(const ci::Response& response) {
  std::vector<Violation> violations;
  const auto* status = as_status(response);
  if (!greeted_) {
    greeted_ = true;
    if (status && !status->tag) {
      if (status->status == ci::Status::preauth) state_ = State::authenticated;
      if (status->status == ci::Status::bye) state_ = State::logout;
      if (status->status == ci::Status::ok || status->status == ci::Status::preauth ||
          status->status == ci::Status::bye) {
        return violations;
      }
    }
    violations.push_back(Violation{"RFC 9051 §7.1", "the first response is " + response_type(response) +
                                                        ", not a greeting (untagged OK, PREAUTH or BYE)"});
    if (!status || !status->tag) return violations;
  }
  if (status && status->tag) {
    auto more = tagged(*status);
    violations.insert(violations.end(), more.begin(), more.end());
    return violations;
  }
  if (is_continuation(response)) return continuation();
  if (status && status->status == ci::Status::preauth) {
    violations.push_back(Violation{"RFC 9051 §7.1.4", "PREAUTH after the greeting; it is only sent as a greeting"});
    return violations;
  }
  if (status && status->status == ci::Status::bye) {
    state_ = State::logout;
    return violations;
  }
  if (is_mailbox_data(response) && state_ != State::selected && !selecting()) {
    violations.push_back(Violation{
        "RFC 9051 §7.4, §7.5", response_type(response) + " response with no mailbox selected (state " +
                                   std::string(to_string(state_)) + "): message data refers to the selected mailbox"});
  }
  return violations;
}

std::vector<Violation> Conversation::tagged(const ci::StatusResponse& response) {
  std::vector<Violation> violations;
  auto it = std::find_if(pending_.begin(), pending_.end(), [&](const Pending& p) { return p.tag == *response.tag; });
  if (it == pending_.end()) {
    violations.push_back(Violation{
        "RFC 9051 §2.2.2", "tagged reply \"" + describe_status(response) + "\" answers no command in progress"});
    return violations;
  }
  const Pending done = *it;
  pending_.erase(it);
  if (literals_waiting_ > 0 && done.tag == literal_command_tag_) {
    // Refused before the literal's data: the rest of that command was never sent.
    literals_waiting_ = 0;
    decoder_.reset();
  }
  if (done.name == "AUTHENTICATE" || done.name == "IDLE") decoder_.expect(cmd::NextLine::command);

  const bool ok = response.status == ci::Status::ok;
  if (ok && !done.name.empty()) {
    const auto* rule = cmd::find_command_state_rule(done.name);
    const bool needs_login = state_ == State::not_authenticated && rule && !rule->states.not_authenticated;
    const bool needs_mailbox =
        state_ == State::authenticated && rule && !rule->states.authenticated && rule->states.selected;
    if (needs_login || needs_mailbox) {
      violations.push_back(Violation{std::string(rule->reference),
                                     done.name + " succeeded in the " + std::string(to_string(state_)) +
                                         " state, where it is not valid (" + describe_status(response) + ")"});
    }
  }
  if (state_ == State::logout || state_ == State::closed) return violations;
  if (done.name == "LOGIN" || done.name == "AUTHENTICATE") {
    if (ok) state_ = State::authenticated;
  } else if (done.name == "SELECT" || done.name == "EXAMINE") {
    if (ok) {
      state_ = State::selected;
    } else if (response.status == ci::Status::no && state_ == State::selected) {
      // RFC 9051 §6.3.2: a failed SELECT leaves no mailbox selected.
      state_ = State::authenticated;
    }
  } else if (done.name == "CLOSE" || done.name == "UNSELECT") {
    if (ok) state_ = State::authenticated;
  } else if (done.name == "LOGOUT") {
    if (ok) state_ = State::logout;
  }
  return violations;
}

std::vector<Violation> Conversation::continuation() {
  if (literals_waiting_ > 0) {
    --literals_waiting_;
    return {};
  }
  for (auto& pending : pending_) {
    if (pending.name == "AUTHENTICATE") {
      decoder_.expect(cmd::NextLine::authenticate_response);
      return {};
    }
    if (pending.name == "IDLE" && !pending.continued) {
      pending.continued = true;
      decoder_.expect(cmd::NextLine::idle_done);
      return {};
    }
    // An extension's command may well use continuations.
    if (!pending.name.empty() && !cmd::find_command_state_rule(pending.name)) return {};
  }
  return {Violation{"RFC 9051 §7.6", "continuation request while no command waits for one"}};
}

void Conversation::closed() { state_ = State::closed; }

}  // namespace conformance::protocols::imap
