#include "bankid_messages.hpp"

namespace skolnav {

namespace {
BankIdMessage rfa(const char* key) {
    const std::string k = key;
    if (k == "RFA1") return {key, {"Starta BankID-appen.", "Start your BankID app."}};
    if (k == "RFA3") return {key, {"Åtgärden avbruten. Försök igen.", "Action cancelled. Please try again."}};
    if (k == "RFA4")
        return {key, {"En identifiering eller underskrift för det här personnumret är redan påbörjad. Försök igen.",
                      "An identification or signing for this personal number is already started. Please try again."}};
    if (k == "RFA5") return {key, {"Internt tekniskt fel. Försök igen.", "Internal error. Please try again."}};
    if (k == "RFA6") return {key, {"Åtgärden avbruten.", "Action cancelled."}};
    if (k == "RFA8")
        return {key,
                {"BankID-appen svarar inte. Kontrollera att den är startad och att du har internetanslutning. Om du "
                 "inte har något giltigt BankID kan du skaffa ett hos din bank. Försök sedan igen.",
                 "The BankID app is not responding. Please check that it’s started and that you have internet access. "
                 "If you don’t have a valid BankID you can get one from your bank. Try again."}};
    if (k == "RFA9")
        return {key, {"Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.",
                      "Enter your security code in the BankID app and select Identify or Sign."}};
    if (k == "RFA13") return {key, {"Försöker starta BankID-appen.", "Trying to start your BankID app."}};
    if (k == "RFA15")
        return {key,
                {"Söker efter BankID, det kan ta en liten stund … Om det har gått några sekunder och inget BankID har "
                 "hittats har du sannolikt inget BankID som går att använda för den aktuella identifieringen/underskriften "
                 "i den här enheten. Om du inte har något BankID kan du skaffa ett hos din bank.",
                 "Searching for BankID, it may take a little while … If a few seconds have passed and still no BankID "
                 "has been found, you probably don’t have a BankID which can be used for this identification/signing "
                 "on this device. If you don’t have a BankID you can get one from your bank."}};
    if (k == "RFA16")
        return {key, {"Det BankID du försöker använda är för gammalt eller spärrat. Använd ett annat BankID eller "
                      "skaffa ett nytt hos din bank.",
                      "The BankID you are trying to use is blocked or too old. Please use another BankID or get a new "
                      "one from your bank."}};
    if (k == "RFA17A")
        return {"RFA17",
                {"BankID-appen verkar inte finnas i din dator eller mobil. Installera den och skaffa ett BankID hos din "
                 "bank. Installera appen från din appbutik eller https://install.bankid.com",
                 "The BankID app couldn’t be found on your computer or mobile device. Please install it and get a BankID "
                 "from your bank. Install the app from your app store or https://install.bankid.com"}};
    if (k == "RFA17B")
        return {"RFA17",
                {"Misslyckades att läsa av QR-koden. Starta BankID-appen och läs av QR-koden. Kontrollera att "
                 "BankID-appen är uppdaterad. Om du inte har BankID-appen måste du installera den och skaffa ett BankID "
                 "hos din bank. Installera appen från din appbutik eller https://install.bankid.com",
                 "Failed to scan the QR code. Start the BankID app and scan the QR code. Check that the BankID app is "
                 "up to date. If you don't have the BankID app, you need to install it and get a BankID from your bank. "
                 "Install the app from your app store or https://install.bankid.com"}};
    if (k == "RFA19")
        return {key, {"Vill du identifiera dig eller skriva under med BankID på den här datorn eller med ett Mobilt BankID?",
                      "Would you like to identify yourself or sign with a BankID on this computer, or with a Mobile "
                      "BankID?"}};
    if (k == "RFA21") return {key, {"Identifiering eller underskrift pågår.", "Identification or signing in progress."}};
    if (k == "RFA23")
        return {key, {"Fotografera och läs av din ID-handling med BankID-appen.",
                      "Process your machine-readable travel document using the BankID app."}};
    return {"RFA22", {"Okänt fel. Försök igen.", "Unknown error. Please try again."}};
}
}  // namespace

BankIdMessage bankid_message(const std::string& status, const std::string& hint, bool qr) {
    if (status == "pending") {
        if (hint == "outstandingTransaction") return rfa(qr ? "RFA1" : "RFA13");
        if (hint == "noClient") return rfa("RFA1");
        if (hint == "started") return rfa("RFA15");
        if (hint == "userSign") return rfa("RFA9");
        if (hint == "userMrtd") return rfa("RFA23");
        return rfa("RFA21");
    }
    if (hint == "userCancel") return rfa("RFA6");
    if (hint == "expiredTransaction") return rfa("RFA8");
    if (hint == "certificateErr") return rfa("RFA16");
    if (hint == "startFailed") return rfa(qr ? "RFA17B" : "RFA17A");
    return rfa("RFA22");
}

BankIdMessage bankid_error_message(const std::string& error_code) {
    if (error_code == "cancelled") return rfa("RFA3");
    if (error_code == "alreadyInProgress") return rfa("RFA4");
    if (error_code == "requestTimeout" || error_code == "maintenance" || error_code == "internalError" ||
        error_code == "unreachable")
        return rfa("RFA5");
    return rfa("RFA22");
}

BankIdMessage bankid_unknown_person_message() {
    return {"unknown_person",
            {"Ditt BankID fungerar, men personnumret finns inte i Skolnav. Kontakta skolan, eller logga in med "
             "användarnamn och lösenord.",
             "Your BankID works, but its personal identity number is not in Skolnav. Contact the school, or sign in "
             "with your username and password."}};
}

}  // namespace skolnav
