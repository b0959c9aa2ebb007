#include "harness/codec/pop3/shape.hpp"

namespace conformance::codec::pop3 {

ResponseShape expected_shape(const Command& command) {
  switch (verb_of(command)) {
    case Verb::list:
      return std::get<cmd::List>(command).message ? ResponseShape::single_line : ResponseShape::multi_line_listing;
    case Verb::uidl:
      return std::get<cmd::Uidl>(command).message ? ResponseShape::single_line : ResponseShape::multi_line_listing;
    case Verb::lang:
      return std::get<cmd::Lang>(command).range ? ResponseShape::single_line : ResponseShape::multi_line_listing;
    case Verb::auth:
      return std::get<cmd::Auth>(command).mechanism ? ResponseShape::sasl : ResponseShape::multi_line_listing;
    case Verb::capa:
      return ResponseShape::multi_line_listing;
    case Verb::retr:
    case Verb::top:
      return ResponseShape::multi_line_message;
    case Verb::user:
    case Verb::pass:
    case Verb::apop:
    case Verb::stls:
    case Verb::utf8:
    case Verb::stat:
    case Verb::dele:
    case Verb::noop:
    case Verb::rset:
    case Verb::quit:
    case Verb::other:
      break;
  }
  return ResponseShape::single_line;
}

}  // namespace conformance::codec::pop3
