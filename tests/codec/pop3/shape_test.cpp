#include "harness/codec/pop3/shape.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::pop3 {
namespace {

TEST(Pop3ResponseShape, ListingsWithoutArgumentAreMultiLine) {
  EXPECT_EQ(expected_shape(cmd::List{}), ResponseShape::multi_line_listing);
  EXPECT_EQ(expected_shape(cmd::Uidl{}), ResponseShape::multi_line_listing);
  EXPECT_EQ(expected_shape(cmd::Capa{}), ResponseShape::multi_line_listing);
  EXPECT_EQ(expected_shape(cmd::Lang{}), ResponseShape::multi_line_listing);
  EXPECT_EQ(expected_shape(cmd::Auth{}), ResponseShape::multi_line_listing);
}

TEST(Pop3ResponseShape, ListingsWithArgumentAreSingleLine) {
  EXPECT_EQ(expected_shape(cmd::List{1}), ResponseShape::single_line);
  EXPECT_EQ(expected_shape(cmd::Uidl{1}), ResponseShape::single_line);
  EXPECT_EQ(expected_shape(cmd::Lang{"en"}), ResponseShape::single_line);
}

TEST(Pop3ResponseShape, RetrAndTopCarryMessages) {
  EXPECT_EQ(expected_shape(cmd::Retr{1}), ResponseShape::multi_line_message);
  EXPECT_EQ(expected_shape(cmd::Top{1, 10}), ResponseShape::multi_line_message);
}

TEST(Pop3ResponseShape, AuthWithMechanismStartsSaslExchange) {
  EXPECT_EQ(expected_shape(cmd::Auth{"PLAIN", std::nullopt}), ResponseShape::sasl);
  EXPECT_EQ(shape_after_sasl_response, ResponseShape::sasl);
}

TEST(Pop3ResponseShape, OtherCommandsAreSingleLine) {
  for (const Command& command :
       {Command{cmd::User{"u"}}, Command{cmd::Pass{"p"}}, Command{cmd::Stat{}}, Command{cmd::Dele{1}},
        Command{cmd::Noop{}}, Command{cmd::Rset{}}, Command{cmd::Quit{}}, Command{cmd::Stls{}}, Command{cmd::Utf8{}},
        Command{cmd::Other{"XTND", {}}}})
    EXPECT_EQ(expected_shape(command), ResponseShape::single_line);
}

}  // namespace
}  // namespace conformance::codec::pop3
