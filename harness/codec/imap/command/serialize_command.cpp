#include "harness/codec/imap/command/serialize_command.hpp"

#include <algorithm>
#include <type_traits>
#include <variant>

#include "harness/codec/common/base64.hpp"
#include "harness/codec/imap/command/command_grammar.hpp"

namespace conformance::codec::imap::command {

SerializedCommand serialize_command(const Command& command, const WriterOptions& options) {
  Writer writer(options);
  writer.raw(command.tag).sp();
  // An unknown command's raw arguments may hold literals the Writer did not
  // write; their continuation points are found by walking the raw bytes.
  std::vector<std::size_t> raw_points;
  std::visit(
      [&](const auto& body) {
        using T = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<T, UnknownCommand>) {
          if (body.uid) writer.raw("UID ");
          writer.raw(body.name);
          if (body.arguments) {
            writer.sp();
            const std::size_t base = writer.bytes().size();
            writer.raw(*body.arguments);
            const std::string with_end = *body.arguments + "\r\n";
            for (std::size_t offset : grammar::walk_raw_frame(with_end, 0, false).synchronizing_data_offsets)
              raw_points.push_back(base + offset);
          }
        } else {
          writer.raw(grammar::name_of(body));
          if constexpr (!std::is_empty_v<T>) grammar::write_arguments(writer, body);
        }
      },
      command.body);
  writer.crlf();
  SerializedCommand serialized;
  serialized.continuation_points = writer.continuation_points();
  serialized.continuation_points.insert(serialized.continuation_points.end(), raw_points.begin(), raw_points.end());
  serialized.bytes = std::move(writer).bytes();
  return serialized;
}

std::string command_name(const Command& command) {
  return std::visit(
      [](const auto& body) -> std::string {
        using T = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<T, UnknownCommand>)
          return body.uid ? "UID " + body.name : body.name;
        else
          return std::string(grammar::name_of(body));
      },
      command.body);
}

std::string serialize_idle_done() { return "DONE\r\n"; }

std::string serialize_authenticate_response(std::string_view data) { return base64_encode(data) + "\r\n"; }

std::string serialize_authenticate_cancel() { return "*\r\n"; }

}  // namespace conformance::codec::imap::command
