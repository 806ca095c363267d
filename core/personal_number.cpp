#include "personal_number.hpp"

#include <cstdio>

namespace skolnav {

namespace {
// Luhn over the 10-digit form (YYMMDDNNN), weights 2,1,2,…
int check_digit(std::string_view nine) {
    int sum = 0;
    for (std::size_t i = 0; i < nine.size(); ++i) {
        int d = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += d / 10 + d % 10;
    }
    return (10 - sum % 10) % 10;
}
}  // namespace

bool valid_personal_number(std::string_view n) {
    if (n.size() != 12) return false;
    for (char c : n)
        if (c < '0' || c > '9') return false;
    const std::string iso = std::string(n.substr(0, 4)) + "-" + std::string(n.substr(4, 2)) + "-" + std::string(n.substr(6, 2));
    if (!Date::parse(iso)) return false;
    return check_digit(n.substr(2, 9)) == n[11] - '0';
}

std::string personal_number(const Date& birth, int birth_number) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%04d%02d%02d%03d", birth.year, birth.month, birth.day, birth_number % 1000);
    std::string n(digits);
    return n + static_cast<char>('0' + check_digit(std::string_view(n).substr(2, 9)));
}

}  // namespace skolnav
