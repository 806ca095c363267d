// Attachments through the real server: uploads checked by content, downloads with
// safe headers, rights through the linking item, and files that survive a restart.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <regex>

#include "test_support.hpp"

using namespace skolnav::test;

namespace {

std::uint32_t crc32(const std::string& data) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : data) {
        c ^= b;
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string chunk(const std::string& type, const std::string& data) {
    return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32(type + data));
}

// A valid 1×1 RGBA PNG: IHDR, an IDAT holding one stored (uncompressed) zlib block, IEND.
std::string tiny_png() {
    const std::string ihdr = be32(1) + be32(1) + std::string("\x08\x06\x00\x00\x00", 5);
    const std::string raw = std::string("\x00", 1) + std::string("\x2e\x8b\x57\xff", 4);  // filter 0, one pixel
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    std::string zlib = std::string("\x78\x01", 2) + std::string("\x01", 1);  // header; final stored block
    zlib += static_cast<char>(raw.size() & 0xFF);
    zlib += static_cast<char>(raw.size() >> 8);
    zlib += static_cast<char>(~raw.size() & 0xFF);
    zlib += static_cast<char>((~raw.size() >> 8) & 0xFF);
    zlib += raw + be32((b << 16) | a);
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", zlib) + chunk("IEND", "");
}

const std::string kPdf =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    "trailer << /Root 1 0 R >>\n%%EOF\n";

std::string percent_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

Reply upload(ApiClient& c, const std::string& name, const std::string& bytes, const std::string& type) {
    return c.post_raw("/api/v1/attachments?filename=" + percent_encode(name), bytes, type);
}

Reply raw_get(ApiClient& c, const std::string& path) {
    return c.get_raw_target(path, {{"Cookie", "skolnav_session=" + c.session_token()}});
}

std::string elsa_id(ApiClient& guardian) {
    Reply me = guardian.get("/api/v1/me");
    REQUIRE(me.status == 200);
    json pupil = find_pupil(me.json_body(), "first_name", "Elsa");
    REQUIRE(pupil.is_object());
    return pupil.at("id");
}

}  // namespace

TEST_CASE("attachments: upload, safe download, rights, survives a restart", "[api][attachments]") {
    Fresh f;
    ApiClient& staff = f.client;
    REQUIRE(staff.sign_in("demo.personal").status == 200);
    ApiClient vh(f.server.host(), f.server.port());
    REQUIRE(vh.sign_in("demo.vh").status == 200);
    const std::string elsa = elsa_id(vh);
    const std::string png = tiny_png();

    // A picture with a hostile name: quotes, semicolons, a fake extension, non-ASCII.
    const std::string hostile = "evil\"; filename=\"x.exe\"; å=%22.png";
    Reply up = upload(staff, hostile, png, "image/png");
    INFO(text_of(up));
    REQUIRE(up.status == 201);
    const json picture = up.json_body().at("attachment");
    CHECK(picture.at("filename") == hostile);
    CHECK(picture.at("content_type") == "image/png");
    const std::string picture_id = picture.at("id");
    CHECK(std::filesystem::exists(f.data / "attachments" / picture_id));

    Reply pdf_up = upload(staff, "Veckobrev v.48.pdf", kPdf, "application/pdf");
    INFO(text_of(pdf_up));
    REQUIRE(pdf_up.status == 201);
    const std::string pdf_id = pdf_up.json_body().at("attachment").at("id");

    // Private until linked.
    CHECK(vh.get("/api/v1/attachments/" + picture_id).status == 404);
    Reply item = staff.post("/api/v1/pupils/" + elsa + "/documentation",
                            json{{"kind", "portfolio"}, {"title", "Höstbild"}, {"attachment_ids", {picture_id}}});
    INFO(text_of(item));
    REQUIRE(item.status == 201);

    // The guardian sees the picture, inline, with safe headers.
    Reply down = vh.get("/api/v1/attachments/" + picture_id);
    REQUIRE(down.status == 200);
    CHECK(down.body == png);
    CHECK(down.header("content-type") == "image/png");
    CHECK(down.header("x-content-type-options") == "nosniff");
    CHECK(down.header("cache-control") == "private, no-store");
    // httplib's client percent-decodes header values: read the header as sent.
    const std::string disposition = raw_get(vh, "/api/v1/attachments/" + picture_id).header("content-disposition");
    INFO(disposition);
    CHECK(disposition.rfind("inline; filename=\"", 0) == 0);
    // The quoted fallback holds exactly two quotes (its own) and no ; of the hostile name.
    const auto fallback_end = disposition.find("\"; filename*=UTF-8''");
    REQUIRE(fallback_end != std::string::npos);
    const std::string fallback = disposition.substr(18, fallback_end - 18);
    CHECK(fallback.find('"') == std::string::npos);
    CHECK(fallback.find(';') == std::string::npos);
    CHECK(fallback.find('\\') == std::string::npos);
    const std::string star = disposition.substr(fallback_end + 20);
    CHECK(star == "evil%22%3B%20filename%3D%22x.exe%22%3B%20%C3%A5%3D%2522.png");
    for (unsigned char c : disposition) CHECK((c >= 0x20 && c < 0x7F));

    // A PDF is a download.
    Reply pdf = staff.get("/api/v1/attachments/" + pdf_id);
    REQUIRE(pdf.status == 200);
    CHECK(pdf.body == kPdf);
    CHECK(pdf.header("content-type") == "application/pdf");
    CHECK(raw_get(staff, "/api/v1/attachments/" + pdf_id).header("content-disposition") ==
          "attachment; filename=\"Veckobrev v.48.pdf\"; filename*=UTF-8''Veckobrev%20v.48.pdf");
    CHECK(pdf.header("x-content-type-options") == "nosniff");

    // Another family's guardian: 404, as for a file that does not exist.
    ApiClient vh2(f.server.host(), f.server.port());
    REQUIRE(vh2.sign_in("demo.vh2").status == 200);
    Reply other = vh2.get("/api/v1/attachments/" + picture_id);
    CHECK(other.status == 404);
    CHECK(vh2.get("/api/v1/attachments/att-999999").status == 404);

    // Bytes that do not match the declared type: 415.
    Reply mismatch = upload(staff, "bild.pdf", png, "application/pdf");
    CHECK(mismatch.status == 415);
    CHECK(mismatch.json_body()["error"]["code"] == "unsupported_type");
    CHECK(mismatch.json_body()["error"]["field"] == "file");
    CHECK(upload(staff, "prog.exe", std::string("MZ\x90\0\3\0\0\0", 8), "application/octet-stream").status == 415);
    // Too large: just over 10 MiB (core's 413, naming the file), and far over (the server's).
    Reply big = upload(staff, "stor.png", png + std::string((10u << 20) - png.size() + 1, 'x'), "image/png");
    CHECK(big.status == 413);
    CHECK(big.json_body()["error"]["field"] == "file");
    Reply huge = upload(staff, "enorm.png", png + std::string(12u << 20, 'x'), "image/png");
    CHECK(huge.status == 413);
    // A name with a path: 400.
    Reply path = upload(staff, "../../etc/passwd", png, "image/png");
    CHECK(path.status == 400);
    CHECK(path.json_body()["error"]["field"] == "filename");
    // Guardians cannot upload.
    CHECK(upload(vh, "bild.png", png, "image/png").status == 403);

    // A restart keeps the files and their rights.
    REQUIRE(f.server.stop() == 0);
    ServerProcess again(f.data.path());
    REQUIRE(again.started());
    ApiClient vh_again(again.host(), again.port());
    REQUIRE(vh_again.sign_in("demo.vh").status == 200);
    Reply after = vh_again.get("/api/v1/attachments/" + picture_id);
    REQUIRE(after.status == 200);
    CHECK(after.body == png);
    CHECK(after.header("content-type") == "image/png");
    ApiClient vh2_again(again.host(), again.port());
    REQUIRE(vh2_again.sign_in("demo.vh2").status == 200);
    CHECK(vh2_again.get("/api/v1/attachments/" + picture_id).status == 404);
}

TEST_CASE("attachments: unguessable ids, and news takes only the publisher's own files", "[api][attachments]") {
    Fresh f;
    ApiClient& admin = f.client;
    REQUIRE(admin.sign_in("demo.admin").status == 200);
    ApiClient gy(f.server.host(), f.server.port());
    REQUIRE(gy.sign_in("demo.elev.gy").status == 200);
    Reply mine = upload(admin, "brev.pdf", kPdf, "application/pdf");
    Reply theirs = upload(gy, "privat.pdf", kPdf, "application/pdf");
    REQUIRE(mine.status == 201);
    REQUIRE(theirs.status == 201);
    const std::string own = mine.json_body()["attachment"]["id"], foreign = theirs.json_body()["attachment"]["id"];
    static const std::regex unguessable("att-[A-Za-z0-9_-]{43}");  // 256 random bits
    CHECK(std::regex_match(own, unguessable));
    CHECK(std::regex_match(foreign, unguessable));

    // News for the whole school: a gymnasium pupil's private file is refused, the admin's own taken.
    ApiClient vh(f.server.host(), f.server.port());
    REQUIRE(vh.sign_in("demo.vh").status == 200);
    Reply refused = admin.post("/api/v1/schools/sch-2/news",
                               json{{"title", "Info"}, {"group_ids", json::array()}, {"attachment_ids", {own, foreign}}});
    INFO(text_of(refused));
    CHECK(refused.status == 400);
    CHECK(refused.json_body()["error"]["field"] == "attachment_ids");
    CHECK(vh.get("/api/v1/attachments/" + foreign).status == 404);
    Reply ok = admin.post("/api/v1/schools/sch-2/news", json{{"title", "Info"}, {"group_ids", json::array()}, {"attachment_ids", {own}}});
    INFO(text_of(ok));
    CHECK(ok.status == 201);
    CHECK(vh.get("/api/v1/attachments/" + own).status == 200);
}

TEST_CASE("a number no double holds is a 400 naming the field, even before sign-in; the log holds no body", "[api][validation]") {
    TempDir data;
    const auto log_file = data / "server.log";
    ServerProcess server(data.path(), {}, log_file);
    REQUIRE(server.started());
    ApiClient anonymous(server.host(), server.port());
    const std::string filler(20000, 'q');
    for (const std::string& number : {std::string("1e999"), std::string("-1e400"), std::string(400, '9')}) {
        Reply r = anonymous.post_raw("/api/v1/session",
                                     "{\"username\":\"" + filler + "\",\"password\":" + number + "}", "application/json");
        INFO(text_of(r).substr(0, 300));
        CHECK(r.status == 400);
        CHECK(r.json_body()["error"]["field"] == "password");
    }
    CHECK(server.log().find(std::string(400, 'q')) == std::string::npos);
    CHECK(server.log().find(std::string(300, '9')) == std::string::npos);
}
