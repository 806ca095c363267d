// What the user is told during a BankID sign-in: BankID's recommended messages (the
// RP guidelines' RFA texts, Swedish and English) for each collect state, hintCode and
// errorCode, and Skolnav's own for a personnummer it does not know.
#pragma once
#include <string>

#include "language.hpp"

namespace skolnav {

struct BankIdMessage {
    const char* key;  // "RFA9", or "unknown_person"
    Text text;
};

// status "pending" or "failed" with its hintCode; `qr`: the user is shown the QR code
// (another device) rather than starting the app on this one. An unknown hintCode gets
// RFA21 (pending) or RFA22 (failed), as the guidelines say.
BankIdMessage bankid_message(const std::string& status, const std::string& hint_code, bool qr);
// An errorCode from the service (BankIdError), or "cancelled" when our own order was
// cancelled (RFA3).
BankIdMessage bankid_error_message(const std::string& error_code);
// BankID worked, but no one in Skolnav has that personnummer.
BankIdMessage bankid_unknown_person_message();

}  // namespace skolnav
