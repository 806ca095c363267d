// Swedish personnummer as BankID returns them: 12 digits, "YYYYMMDDNNNC" (century,
// birth date, birth number, Luhn check digit). Checking the shape and making the demo's
// numbers; matching a number to a person is a plain look-up (State's index).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "date_time.hpp"

namespace skolnav {

// 12 digits, a real calendar date and the right check digit.
bool valid_personal_number(std::string_view number);

// The number for `birth` and a three-digit birth number (1–999), with its check digit.
std::string personal_number(const Date& birth, int birth_number);

// Skatteverket's test numbers use the birth numbers 980–999, never given to real
// people; the demo's numbers are taken from there.
inline constexpr int kFirstTestBirthNumber = 980;
inline constexpr int kLastTestBirthNumber = 999;

}  // namespace skolnav
