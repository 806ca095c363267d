// The web client's files: content types, precompressed gzip, no way out of the folder.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "test_support.hpp"

using namespace skolnav::test;

namespace {

void write(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("static files of the web client", "[static]") {
    // A web folder of our own, so the test does not depend on the wasm build.
    TempDir web;
    write(web / "index.html", "<!doctype html><title>Skolnav</title>");
    write(web / "skolnav.js", "console.log('skolnav åäö');");
    std::string wasm = std::string("\0asm\x01\0\0\0", 8) + std::string(4000, 'x');
    write(web / "skolnav.wasm", wasm);
    write(web / "skolnav.data", "data");
    write(web / "manifest.webmanifest", "{}");
    write(web / "fonts" / "Inter.ttf", "font");
    write(web / "icons" / "icon.svg", "<svg/>");
    REQUIRE(std::system(("gzip -k -9 " + (web / "skolnav.wasm").string() + " " +
                         (web / "index.html").string()).c_str()) == 0);
    const std::string wasm_gz = read(web / "skolnav.wasm.gz");
    TempDir outside;  // a secret beside the web folder
    write(outside / "secret.txt", "top secret");

    TempDir data;
    ServerProcess server(data.path(), {"--web", web.path().string()});
    REQUIRE(server.started());
    ApiClient c(server.host(), server.port());

    SECTION("/ is index.html, not cached without revalidation") {
        Reply r = c.get("/");
        CHECK(r.status == 200);
        CHECK(r.header("content-type") == "text/html; charset=utf-8");
        CHECK(r.header("cache-control") == "no-cache");
        CHECK(r.header("x-content-type-options") == "nosniff");
        CHECK(r.body.find("<title>Skolnav</title>") != std::string::npos);
        // Revalidation: the ETag gives a 304.
        Reply again = c.get("/", {{"If-None-Match", r.header("etag")}});
        CHECK(again.status == 304);
        CHECK(again.body.empty());
    }

    SECTION("content types") {
        CHECK(c.get("/skolnav.wasm").header("content-type") == "application/wasm");
        CHECK(c.get("/skolnav.js").header("content-type") == "text/javascript; charset=utf-8");
        CHECK(c.get("/skolnav.data").header("content-type") == "application/octet-stream");
        CHECK(c.get("/manifest.webmanifest").header("content-type") == "application/manifest+json; charset=utf-8");
        CHECK(c.get("/fonts/Inter.ttf").header("content-type") == "font/ttf");
        CHECK(c.get("/icons/icon.svg").header("content-type") == "image/svg+xml");
    }

    SECTION("the precompressed .gz when the browser takes gzip") {
        Reply plain = c.get("/skolnav.wasm");
        CHECK(plain.status == 200);
        CHECK(plain.body == wasm);
        CHECK(plain.header("content-encoding").empty());
        CHECK(plain.header("vary") == "Accept-Encoding");

        Reply gz = c.get_raw_target("/skolnav.wasm", {{"Accept-Encoding", "gzip, deflate, br"}});
        CHECK(gz.status == 200);
        CHECK(gz.header("content-encoding") == "gzip");
        CHECK(gz.header("content-type") == "application/wasm");
        CHECK(gz.header("vary") == "Accept-Encoding");
        CHECK(gz.body == wasm_gz);
        CHECK(gz.body.size() < wasm.size());

        CHECK(c.get("/skolnav.wasm", {{"Accept-Encoding", "gzip;q=0, br"}}).header("content-encoding").empty());
        CHECK(c.get("/skolnav.js", {{"Accept-Encoding", "gzip"}}).header("content-encoding").empty());  // no .gz
        CHECK(c.get("/skolnav.wasm.gz").status == 404);  // only through the header
    }

    SECTION("no way out of the web folder") {
        const std::string up = "/../" + outside.path().filename().string() + "/secret.txt";
        for (const std::string& target :
             {up, std::string("/..%2f") + outside.path().filename().string() + "/secret.txt",
              std::string("/%2e%2e/%2e%2e/etc/passwd"), std::string("/../../../../etc/passwd"),
              std::string("/fonts/../../etc/passwd"), std::string("/fonts/..%2f..%2fetc%2fpasswd"),
              std::string("/.%2e/.%2e/etc/passwd"), std::string("//etc/passwd"),
              std::string("/fonts/%00.ttf")}) {
            Reply r = c.get_raw_target(target);
            INFO(target << " -> " << r.status << " " << r.body.substr(0, 100));
            CHECK((r.status == 404 || r.status == 400));
            CHECK(r.body.find("top secret") == std::string::npos);
            CHECK(r.body.find("root:") == std::string::npos);
        }
        CHECK(c.get_raw_target("/nothing.js").status == 404);
        CHECK(c.get_raw_target("/fonts/").status == 404);  // no directory listings
    }
}

TEST_CASE("the built web client, when it has been built", "[static]") {
    const auto web = built_web_dir();
    if (!std::filesystem::exists(web / "skolnav.wasm")) {
        WARN("no web client at " << web.string() << ": skipped");
        return;
    }
    TempDir data;
    ServerProcess server(data.path());
    REQUIRE(server.started());
    ApiClient c(server.host(), server.port());
    Reply index = c.get("/");
    CHECK(index.status == 200);
    CHECK(index.header("content-type") == "text/html; charset=utf-8");
    Reply wasm = c.get("/skolnav.wasm");
    CHECK(wasm.status == 200);
    CHECK(wasm.header("content-type") == "application/wasm");
    if (std::filesystem::exists(web / "skolnav.wasm.gz")) {
        Reply gz = c.get_raw_target("/skolnav.wasm", {{"Accept-Encoding", "gzip"}});
        CHECK(gz.header("content-encoding") == "gzip");
        CHECK(gz.body.size() == std::filesystem::file_size(web / "skolnav.wasm.gz"));
    }
}
