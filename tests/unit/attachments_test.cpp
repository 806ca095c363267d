// Attachments: upload checks (size, name, type by content against the declared type),
// private until linked, download rights through the linking item, replay.
#include <catch2/catch.hpp>

#include "core/boxes/attachments.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x06\0\0\0", 21);
const std::string kPdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

using Fixture = ApiFixtureWithFiles;

std::string field_of(const Response& r) { return r.body["error"]["field"].is_string() ? r.body["error"]["field"].get<std::string>() : ""; }

}  // namespace

TEST_CASE("a pupil uploads a picture and downloads it inline; nobody else may", "[attachments]") {
    Fixture f;
    const auto elsa = f.sign_in("demo.elev");
    auto up = f.upload(elsa, "teckning.png", kPng, "image/png");
    REQUIRE(up.status == 201);
    const auto& a = up.body["attachment"];
    CHECK(a["content_type"] == "image/png");
    CHECK(a["size"] == kPng.size());
    CHECK(a["filename"] == "teckning.png");
    CHECK(a["inline"] == true);
    const std::string id = a["id"];
    CHECK(id.find("teckning") == std::string::npos);  // stored under a generated id
    REQUIRE(f.blobs.files.count(id) == 1);
    CHECK(f.blobs.files[id] == kPng);
    CHECK(f.journal.durable == f.journal.records.size());

    auto down = f.call("GET", "/api/v1/attachments/" + id, "", elsa);
    REQUIRE(down.status == 200);
    CHECK(down.file_bytes == kPng);
    CHECK(down.file_content_type == "image/png");
    CHECK(down.file_name == "teckning.png");
    CHECK(down.file_inline);

    // Private until linked: the guardian, a teacher, another family: 404 like a missing id.
    for (const char* who : {"demo.vh", "demo.personal", "demo.vh2", "demo.admin"})
        CHECK(f.call("GET", "/api/v1/attachments/" + id, "", f.sign_in(who)).status == 404);
    CHECK(f.call("GET", "/api/v1/attachments/att-999999", "", elsa).status == 404);
    CHECK(f.call("GET", "/api/v1/attachments/" + id).status == 401);
}

TEST_CASE("a PDF and text are downloads, not shown inline", "[attachments]") {
    Fixture f;
    const auto t = f.sign_in("demo.personal");
    auto pdf = f.upload(t, "Veckobrev v.48.pdf", kPdf, "application/pdf");
    REQUIRE(pdf.status == 201);
    CHECK(pdf.body["attachment"]["inline"] == false);
    auto d = f.call("GET", pdf.body["attachment"]["url"].get<std::string>().substr(0), "", t);
    REQUIRE(d.status == 200);
    CHECK(d.file_content_type == "application/pdf");
    CHECK_FALSE(d.file_inline);

    auto txt = f.upload(t, "sida.html", "<script>alert(1)</script> åäö\n", "text/plain; charset=UTF-8");
    REQUIRE(txt.status == 201);
    auto dt = f.call("GET", "/api/v1/attachments/" + txt.body["attachment"]["id"].get<std::string>(), "", t);
    CHECK(dt.file_content_type == "text/plain; charset=utf-8");
    CHECK(dt.file_name == "sida.html.txt");  // never saved as an .html page
    CHECK_FALSE(dt.file_inline);
}

TEST_CASE("uploads with bad input are refused naming the field, and nothing is stored", "[attachments]") {
    Fixture f;
    const auto t = f.sign_in("demo.elev");
    const auto records = f.journal.records.size();
    auto expect = [&](const Response& r, int status, const std::string& field, const std::string& code = "") {
        INFO(r.body.dump());
        CHECK(r.status == status);
        CHECK(field_of(r) == field);
        if (!code.empty()) CHECK(r.body["error"]["code"] == code);
    };
    expect(f.upload(t, "", kPng, "image/png", false), 400, "filename");
    expect(f.upload(t, "", kPng, "image/png"), 400, "filename");
    expect(f.upload(t, "../../etc/passwd", kPng, "image/png"), 400, "filename");
    expect(f.upload(t, "a\\b.png", kPng, "image/png"), 400, "filename");
    expect(f.upload(t, "bild\n.png", kPng, "image/png"), 400, "filename");
    expect(f.upload(t, std::string("bild\xC2\x85.png"), kPng, "image/png"), 400, "filename");
    expect(f.upload(t, std::string("bild\xFF.png"), kPng, "image/png"), 400, "filename");
    expect(f.upload(t, std::string(201, 'a'), kPng, "image/png"), 400, "filename");
    expect(f.upload(t, "..", kPng, "image/png"), 400, "filename");
    expect(f.upload(t, "tom.txt", "", "text/plain"), 400, "file");
    expect(f.upload(t, "stor.png", kPng + std::string(kAttachmentMaxBytes, 'x'), "image/png"), 413, "file", "too_large");
    // The content decides the type; the declared type must agree.
    expect(f.upload(t, "bild.pdf", kPng, "application/pdf"), 415, "file", "unsupported_type");
    expect(f.upload(t, "text.png", "hej hej", "image/png"), 415, "file", "unsupported_type");
    expect(f.upload(t, "bild.png", kPng, ""), 415, "file", "unsupported_type");
    expect(f.upload(t, "bild.png", kPng, "application/octet-stream"), 415, "file", "unsupported_type");
    expect(f.upload(t, "prog.exe", std::string("MZ\x90\0\3\0\0\0", 8), "application/octet-stream"), 415, "file");
    expect(f.upload(t, "latin1.txt", "r\xE4ksm\xF6rg\xE5s", "text/plain"), 415, "file");
    expect(f.upload(t, "text.txt", "hej", "text/plain; charset=iso-8859-1"), 415, "file");
    expect(f.upload(t, "arkiv.zip", std::string("PK\3\4", 4) + "[Content_Types].xml word/", "application/zip"), 415, "file");
    CHECK(f.journal.records.size() == records);
    CHECK(f.blobs.files.empty());
    CHECK(f.store.unsafe_state().attachments.files.empty());

    // Largest allowed size is fine.
    CHECK(f.upload(t, "max.png", kPng + std::string(kAttachmentMaxBytes - kPng.size(), 'x'), "image/png").status == 201);
}

TEST_CASE("guardians cannot upload; without storage uploads answer 503", "[attachments]") {
    Fixture f;
    auto r = f.upload(f.sign_in("demo.vh"), "bild.png", kPng, "image/png");
    CHECK(r.status == 403);
    f.services.blobs = nullptr;
    auto n = f.upload(f.sign_in("demo.elev"), "bild.png", kPng, "image/png");
    CHECK(n.status == 503);
    CHECK(n.body["error"]["code"] == "no_storage");
    CHECK(f.upload("", "bild.png", kPng, "image/png").status == 401);
}

TEST_CASE("file types are known by their content", "[attachments]") {
    CHECK(sniff_attachment_type(kPdf, "x.pdf") == "application/pdf");
    CHECK(sniff_attachment_type(kPng, "x") == "image/png");
    CHECK(sniff_attachment_type("\xFF\xD8\xFF\xE0\0\x10JFIF", "x.jpg") == "image/jpeg");
    CHECK(sniff_attachment_type("GIF89a\1\0\1\0", "x.gif") == "image/gif");
    CHECK(sniff_attachment_type(std::string("RIFF\0\0\0\0WEBPVP8 ", 16), "x.webp") == "image/webp");
    CHECK(sniff_attachment_type("Hej!\r\nÅsa är här.\t€\n", "x.txt") == "text/plain");
    CHECK_FALSE(sniff_attachment_type(std::string("a\0b", 3), "x.txt"));
    CHECK_FALSE(sniff_attachment_type("\xC0\xAF", "x.txt"));          // overlong
    CHECK_FALSE(sniff_attachment_type("\xED\xA0\x80", "x.txt"));      // surrogate
    CHECK_FALSE(sniff_attachment_type("abc\xE2\x82", "x.txt"));       // cut short
    const std::string docx = std::string("PK\3\4", 4) + std::string(26, '\0') + "[Content_Types].xml....word/document.xml";
    CHECK(sniff_attachment_type(docx, "Uppsats.DOCX") ==
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    CHECK_FALSE(sniff_attachment_type(docx, "Uppsats.xlsx"));  // the extension must agree
    CHECK_FALSE(sniff_attachment_type(docx, "Uppsats.zip"));
    const std::string xlsx = std::string("PK\3\4", 4) + std::string(26, '\0') + "[Content_Types].xml xl/workbook.xml";
    CHECK(sniff_attachment_type(xlsx, "a.xlsx") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const std::string odt = std::string("PK\3\4", 4) + std::string(26, '\0') + "mimetypeapplication/vnd.oasis.opendocument.text";
    CHECK(sniff_attachment_type(odt, "brev.odt") == "application/vnd.oasis.opendocument.text");
    CHECK_FALSE(sniff_attachment_type(odt, "brev.docx"));

    Attachment a{"att-1", "per-1", "Bild.JPEG", "image/jpeg", 10, 0};
    CHECK(download_name(a) == "Bild.JPEG");
    a.filename = "bild.exe";
    CHECK(download_name(a) == "bild.exe.jpg");
    a.filename = "utan-punkt";
    a.content_type = "application/pdf";
    CHECK(download_name(a) == "utan-punkt.pdf");
}

TEST_CASE("a file linked to a portfolio item reaches whoever may read the item", "[attachments]") {
    Fixture f;
    const auto staff = f.sign_in("demo.personal");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    auto up = f.upload(staff, "höstbild.png", kPng, "image/png");
    REQUIRE(up.status == 201);
    const std::string id = up.body["attachment"]["id"];

    // Someone else cannot attach the teacher's file to their own item.
    const auto elsa_token = f.sign_in("demo.elev");
    auto other = f.call("POST", "/api/v1/pupils/" + elsa + "/assignments/x/hand-in",
                        json{{"attachment_ids", {id}}}.dump(), elsa_token);
    CHECK(other.status == 404);

    auto item = f.call("POST", "/api/v1/pupils/" + elsa + "/documentation",
                       json{{"kind", "portfolio"}, {"title", "Höstbild"}, {"attachment_ids", {id}}}.dump(), staff);
    REQUIRE(item.status == 201);
    REQUIRE(item.body["item"]["attachments"].size() == 1);
    CHECK(item.body["item"]["attachments"][0]["url"] == "/api/v1/attachments/" + id);

    CHECK(f.call("GET", "/api/v1/attachments/" + id, "", f.sign_in("demo.vh")).status == 200);
    CHECK(f.call("GET", "/api/v1/attachments/" + id, "", elsa_token).status == 200);
    CHECK(f.call("GET", "/api/v1/attachments/" + id, "", f.sign_in("demo.vh2")).status == 404);  // other family
    CHECK(f.call("GET", "/api/v1/attachments/" + id, "", f.sign_in("demo.elev.gy")).status == 404);
    CHECK(f.call("GET", "/api/v1/attachments/" + id, "", f.sign_in(f.teacher_of(f.group_named("8B")))).status == 404);

    // Unpublished again: only staff.
    const std::string item_id = item.body["item"]["id"];
    REQUIRE(f.call("PUT", "/api/v1/pupils/" + elsa + "/documentation/" + item_id,
                   json{{"kind", "portfolio"}, {"title", "Höstbild"}, {"attachment_ids", {id}}, {"published", false}}.dump(),
                   staff)
                .status == 200);
    CHECK(f.call("GET", "/api/v1/attachments/" + id, "", f.sign_in("demo.vh")).status == 404);
    CHECK(f.call("GET", "/api/v1/attachments/" + id, "", staff).status == 200);

    // Another teacher of 7A may keep the file when changing the item: it is already linked.
    CHECK(f.call("PUT", "/api/v1/pupils/" + elsa + "/documentation/" + item_id,
                 json{{"kind", "portfolio"}, {"title", "Höstbild 2"}, {"attachment_ids", {id}}, {"published", false}}.dump(),
                 f.sign_in(f.teacher_of(f.group_named("7A"))))
              .status == 200);
    // Deleting the item removes the link.
    REQUIRE(f.call("DELETE", "/api/v1/pupils/" + elsa + "/documentation/" + item_id, "", staff).status == 204);
    CHECK(f.store.unsafe_state().attachments.links.empty());
}

TEST_CASE("attachment events rebuild the same state on replay", "[attachments]") {
    Fixture f;
    const json before = f.store.snapshot();
    const auto staff = f.sign_in("demo.personal");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    auto up = f.upload(staff, "a.png", kPng, "image/png");
    REQUIRE(up.status == 201);
    REQUIRE(f.call("POST", "/api/v1/pupils/" + elsa + "/documentation",
                   json{{"kind", "portfolio"}, {"title", "A"}, {"attachment_ids", {up.body["attachment"]["id"]}}}.dump(),
                   staff)
                .status == 201);
    const auto again = check_replay(f, before);
    CHECK(again->unsafe_state().attachments.files.size() == 1);
    CHECK(again->unsafe_state().attachments.links.size() == 1);
    check_snapshot_round_trip(f);
}
