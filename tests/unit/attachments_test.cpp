// Attachments: upload checks (size, name, type by content against the declared type),
// private until linked, download rights through the linking item, replay.
#include <catch2/catch.hpp>

#include <set>

#include "core/boxes/attachments.hpp"
#include "core/permissions.hpp"
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

// --- ids and audiences (issue 10) ------------------------------------------------------

TEST_CASE("attachment ids are fresh random tokens; old sequential ids still load and download", "[attachments]") {
    Fixture f;
    const auto staff = f.sign_in("demo.personal");
    std::set<std::string> ids;
    for (int i = 0; i < 3; ++i) {
        auto up = f.upload(staff, "lista.txt", "Matsäck\n", "text/plain");
        REQUIRE(up.status == 201);
        const std::string id = up.body["attachment"]["id"];
        // The platform's token (TestCrypto's here; the real format is checked over HTTP).
        CHECK(id.rfind("att-token-", 0) == 0);
        ids.insert(id);
    }
    CHECK(ids.size() == 3);

    // A journal written before: att-7, sequential.
    const Id elsa = f.id_of("demo.elev");
    {
        auto txn = f.store.begin();
        txn.commit({{"type", "attachment_uploaded"},
                    {"attachment",
                     {{"id", "att-7"}, {"owner_id", elsa}, {"filename", "gammal.txt"}, {"content_type", "text/plain"},
                      {"size", 4}, {"uploaded_at", 0}}}});
    }
    f.blobs.put("att-7", "hej\n");
    auto down = f.call("GET", "/api/v1/attachments/att-7", "", f.sign_in("demo.elev"));
    REQUIRE(down.status == 200);
    CHECK(down.file_bytes == "hej\n");
    CHECK(f.call("GET", "/api/v1/attachments/att-7", "", staff).status == 404);
    const auto loaded = check_snapshot_round_trip(f);
    CHECK(loaded->unsafe_state().attachments.files.count("att-7") == 1);
}

namespace {
Id upload_text(Fixture& f, const std::string& token, const char* name = "brev.txt") {
    auto up = f.upload(token, name, "Välkomna!\n", "text/plain");
    REQUIRE(up.status == 201);
    return up.body["attachment"]["id"];
}
}  // namespace

TEST_CASE("news and blog posts take only the publisher's own uploads, never someone else's private file", "[attachments]") {
    Fixture f;
    DemoCast c(f);
    // The attack of issue 10: a teacher attaches a pupil's hand-in (which the teacher may
    // download) and a gymnasium pupil's private upload to news for a whole class.
    auto a = f.call("POST", group_route(c.class_7a, "assignments"),
                    R"({"title":"Läxa","due_date":"2026-12-04","published":true})", c.staff);
    REQUIRE(a.status == 201);
    const Id assignment = a.body["assignment"]["id"];
    const Id hand_in_file = upload_text(f, c.elev, "min-text.txt");
    REQUIRE(f.call("POST", pupil_route(c.elsa, "assignments/" + assignment + "/hand-in"),
                   json{{"attachment_ids", {hand_in_file}}}.dump(), c.elev)
                .status == 201);
    REQUIRE(f.call("GET", "/api/v1/attachments/" + hand_in_file, "", c.staff).status == 200);
    const Id private_file = upload_text(f, f.sign_in("demo.elev.gy"));
    const Id colleague_file = upload_text(f, c.teacher_7b);
    const Id own = upload_text(f, c.staff);

    for (const char* box : {"news", "blog"}) {
        INFO(box);
        const auto records = f.journal.records.size();
        for (const Id& foreign : {hand_in_file, private_file, colleague_file, Id("att-1")}) {
            auto r = f.call("POST", school_route(kEkbyskolan, box),
                            json{{"title", "Info"}, {"body", "Se filen."}, {"group_ids", {c.class_7a}}, {"attachment_ids", {own, foreign}}}
                                .dump(),
                            c.staff);
            INFO(foreign << " -> " << r.body.dump());
            CHECK(r.status == 400);
            CHECK(field_of(r) == "attachment_ids");
        }
        CHECK(f.journal.records.size() == records);
        auto ok = f.call("POST", school_route(kEkbyskolan, box),
                         json{{"title", "Info"}, {"body", "Se filen."}, {"group_ids", {c.class_7a}}, {"attachment_ids", {own}}}.dump(),
                         c.staff);
        REQUIRE(ok.status == 201);
        const json item = ok.body.contains("item") ? ok.body["item"] : ok.body["post"];
        const std::string path = std::string(box == std::string("news") ? "/api/v1/news/" : "/api/v1/blog/") + item["id"].get<std::string>();
        // Changing: the same rule; the admin may keep a colleague's file already on the item.
        CHECK(f.call("PUT", path, json{{"attachment_ids", {own, private_file}}}.dump(), c.staff).status == 400);
        CHECK(f.call("PUT", path, json{{"attachment_ids", {own}}, {"title", "Ny"}}.dump(), c.admin).status == 200);
        CHECK(f.call("PUT", path, json{{"attachment_ids", {own, colleague_file}}}.dump(), c.admin).status == 400);
    }
}

TEST_CASE("a file on news or a blog post for one class reaches exactly that class's audience", "[attachments]") {
    Fixture f;
    DemoCast c(f);
    for (const char* box : {"news", "blog"}) {
        INFO(box);
        const Id file = upload_text(f, c.staff);
        auto r = f.call("POST", school_route(kEkbyskolan, box),
                        json{{"title", "Utflykt"}, {"body", "Packlista."}, {"group_ids", {c.class_7a}}, {"attachment_ids", {file}}}.dump(),
                        c.staff);
        REQUIRE(r.status == 201);
        const std::string url = "/api/v1/attachments/" + file;
        // 7A's families and pupils, 7A's mentor (the uploader) and the school's admin.
        for (const std::string& token : {c.vh, c.vh2, c.elev, c.staff, c.admin}) CHECK(f.call("GET", url, "", token).status == 200);
        // Not every staff member of the school (7B's teacher), nor 7B's families, nor another school.
        const Id pupil_7b = pupils_of_group(f.store.unsafe_state(), c.class_7b).front();
        const Id guardian_7b = f.store.unsafe_state().guardians_of.at(pupil_7b).front();
        for (const std::string& who : {f.teacher_of(c.class_7b), f.store.unsafe_state().people.at(guardian_7b).username,
                                       std::string("demo.elev.gy"), std::string("demo.vh.gy")}) {
            INFO(who);
            CHECK(f.call("GET", url, "", f.sign_in(who)).status == 404);
        }
    }
    // A whole-school item reaches all the school's staff.
    const Id file = upload_text(f, c.admin);
    REQUIRE(f.call("POST", school_route(kEkbyskolan, "news"),
                   json{{"title", "Lucia"}, {"group_ids", json::array()}, {"attachment_ids", {file}}}.dump(), c.admin)
                .status == 201);
    CHECK(f.call("GET", "/api/v1/attachments/" + file, "", c.teacher_7b).status == 200);
}
