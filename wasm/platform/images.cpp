#include "platform/images.hpp"

#include <GLES3/gl3.h>
#include <algorithm>
#include <cstdio>
#include <deque>
#include <emscripten.h>
#include <unordered_map>

#include "platform/frame_scheduler.hpp"

namespace platform {
namespace {

// The longest side a texture gets: enough for a sharp picture across a wide screen at
// twice the pixel density; larger photos are scaled down by the browser as they decode.
constexpr int kMaxSide = 2048;
// Texture memory the cache aims to stay under (RGBA with mipmaps: 4 bytes × 4/3 a pixel).
constexpr long long kBudgetBytes = 96ll * 1024 * 1024;
// Pictures fetched and decoded at the same time; the rest wait their turn.
constexpr int kMaxParallel = 4;

struct Entry {
    Image image;
    unsigned serial = 0;     // the fetch that will fill it (0: not started yet)
    unsigned last_used = 0;  // frame_count() when last drawn
};

std::unordered_map<std::string, Entry> g_images;
std::unordered_map<unsigned, std::string> g_in_flight;  // serial -> url
std::deque<std::string> g_queue;                        // urls waiting to be fetched
unsigned g_next_serial = 1;

// Fetch with the session cookie, let the browser decode (and shrink) the picture, upload
// the bitmap into a new texture registered in Emscripten's GL table, and report back.
EM_JS(void, js_image_load, (unsigned serial, const char* url, int max_side), {
    var address = UTF8ToString(url);
    var status = 0;
    fetch(address, {credentials: "same-origin"})
        .then(function(response) {
            status = response.status;
            if (!response.ok) throw new Error("HTTP " + response.status);
            return response.blob();
        })
        .then(function(blob) { return createImageBitmap(blob); })
        .then(function(bitmap) {
            var gl = GLctx;
            var limit = Math.min(max_side, gl.getParameter(gl.MAX_TEXTURE_SIZE));
            var natural = [bitmap.width, bitmap.height];
            var scale = Math.min(1, limit / Math.max(bitmap.width, bitmap.height));
            if (scale >= 1) return {bitmap: bitmap, natural: natural};
            var w = Math.max(1, Math.round(bitmap.width * scale)), h = Math.max(1, Math.round(bitmap.height * scale));
            return createImageBitmap(bitmap, {resizeWidth: w, resizeHeight: h, resizeQuality: "high"})
                .then(function(small) { bitmap.close(); return {bitmap: small, natural: natural}; });
        })
        .then(function(decoded) {
            var gl = GLctx;
            var bitmap = decoded.bitmap;
            var previous = gl.getParameter(gl.TEXTURE_BINDING_2D);
            var texture = gl.createTexture();
            gl.bindTexture(gl.TEXTURE_2D, texture);
            gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
            gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);  // ImGui blends straight alpha
            gl.pixelStorei(gl.UNPACK_ROW_LENGTH, 0);
            gl.pixelStorei(gl.UNPACK_SKIP_ROWS, 0);
            gl.pixelStorei(gl.UNPACK_SKIP_PIXELS, 0);
            gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, bitmap);
            // Thumbnails are the full texture drawn small: mipmaps keep them smooth.
            gl.generateMipmap(gl.TEXTURE_2D);
            gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR_MIPMAP_LINEAR);
            gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
            gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
            gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
            gl.bindTexture(gl.TEXTURE_2D, previous);
            var id = GL.getNewId(GL.textures);
            texture.name = id;
            GL.textures[id] = texture;
            var size = [bitmap.width, bitmap.height];
            bitmap.close();  // the pixels now live in the texture only
            return {id: id, size: size, natural: decoded.natural};
        })
        .then(function(done) {
            _skolnav_image_loaded(serial, done.id, done.size[0], done.size[1], done.natural[0], done.natural[1]);
        }, function() {
            _skolnav_image_failed(serial, status >= 200 && status < 300 ? 0 : status);
        });
});

long long texture_bytes(const Image& image) {
    return static_cast<long long>(image.width) * image.height * 4 * 4 / 3;
}

void free_texture(unsigned texture) {
    if (texture) glDeleteTextures(1, &texture);
}

void start_waiting() {
    while (static_cast<int>(g_in_flight.size()) < kMaxParallel && !g_queue.empty()) {
        const std::string url = g_queue.front();
        g_queue.pop_front();
        auto it = g_images.find(url);
        if (it == g_images.end() || it->second.serial != 0) continue;  // released meanwhile
        const unsigned serial = g_next_serial++;
        it->second.serial = serial;
        g_in_flight[serial] = url;
        js_image_load(serial, url.c_str(), kMaxSide);
    }
}

// Frees the least recently drawn pictures until the cache fits its budget again; what
// the last frame drew stays, even over budget (the screen needs it).
void keep_within_budget() {
    long long total = 0;
    for (const auto& [url, e] : g_images)
        if (e.image.state == ImageState::Ready) total += texture_bytes(e.image);
    const unsigned last_frame = frame_count() > 0 ? frame_count() - 1 : 0;
    while (total > kBudgetBytes) {
        auto oldest = g_images.end();
        for (auto it = g_images.begin(); it != g_images.end(); ++it)
            if (it->second.image.state == ImageState::Ready && it->second.last_used < last_frame &&
                (oldest == g_images.end() || it->second.last_used < oldest->second.last_used))
                oldest = it;
        if (oldest == g_images.end()) return;
        total -= texture_bytes(oldest->second.image);
        free_texture(oldest->second.image.texture);
        g_images.erase(oldest);
    }
}

// The entry a finished fetch fills, or null when it was released (or fetched anew) since.
Entry* finished(unsigned serial) {
    auto flight = g_in_flight.find(serial);
    if (flight == g_in_flight.end()) return nullptr;
    const std::string url = flight->second;
    g_in_flight.erase(flight);
    auto it = g_images.find(url);
    return it != g_images.end() && it->second.serial == serial ? &it->second : nullptr;
}

}  // namespace

const Image& image(const std::string& url) {
    auto [it, added] = g_images.try_emplace(url);
    it->second.last_used = frame_count();
    if (added) {
        g_queue.push_back(url);
        start_waiting();
    }
    return it->second.image;
}

void retry_image(const std::string& url) {
    release_image(url);
    image(url);
}

void release_image(const std::string& url) {
    auto it = g_images.find(url);
    if (it == g_images.end()) return;
    free_texture(it->second.image.texture);  // one still on its way is freed when it lands
    g_images.erase(it);
}

int images_loading() {
    int n = 0;
    for (const auto& [url, e] : g_images) n += e.image.state == ImageState::Loading;
    return n;
}

}  // namespace platform

using platform::g_images;

extern "C" {

EMSCRIPTEN_KEEPALIVE void skolnav_image_loaded(unsigned serial, unsigned texture, int width, int height,
                                               int natural_width, int natural_height) {
    platform::Entry* e = platform::finished(serial);
    if (!e) {
        platform::free_texture(texture);
    } else {
        e->image.state = platform::ImageState::Ready;
        e->image.texture = texture;
        e->image.width = width;
        e->image.height = height;
        e->image.natural_width = natural_width;
        e->image.natural_height = natural_height;
        platform::keep_within_budget();
    }
    platform::start_waiting();
    platform::request_frames();
}

EMSCRIPTEN_KEEPALIVE void skolnav_image_failed(unsigned serial, int http_status) {
    if (platform::Entry* e = platform::finished(serial)) {
        e->image.state = platform::ImageState::Failed;
        e->image.http_status = http_status;
    }
    platform::start_waiting();
    platform::request_frames();
}

// For tests and diagnostics: every cached picture as JSON,
// [{"url","state","texture","width","height","natural_width","natural_height","is_texture"}].
EMSCRIPTEN_KEEPALIVE const char* skolnav_images_json() {
    static std::string out;
    out = "[";
    for (const auto& [url, e] : g_images) {
        const platform::Image& im = e.image;
        const char* state = im.state == platform::ImageState::Ready ? "ready"
                            : im.state == platform::ImageState::Failed ? "failed" : "loading";
        std::string escaped;
        for (char c : url) {
            if (c == '"' || c == '\\') escaped += '\\';
            escaped += c;
        }
        char buffer[256];
        std::snprintf(buffer, sizeof buffer,
                      "\",\"state\":\"%s\",\"texture\":%u,\"width\":%d,\"height\":%d,\"natural_width\":%d,"
                      "\"natural_height\":%d,\"is_texture\":%s}",
                      state, im.texture, im.width, im.height, im.natural_width, im.natural_height,
                      im.texture && glIsTexture(im.texture) ? "true" : "false");
        out += (out.size() > 1 ? ",{\"url\":\"" : "{\"url\":\"") + escaped + buffer;
    }
    out += "]";
    return out.c_str();
}

// For tests: one pixel of a texture as 0xRRGGBBAA, read back from the GPU (x, y from the
// picture's top-left corner); 0 when the texture cannot be read.
EMSCRIPTEN_KEEPALIVE unsigned skolnav_image_pixel(unsigned texture, int x, int y) {
    if (!texture || !glIsTexture(texture)) return 0;
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    GLuint fbo = 0;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
    unsigned char px[4] = {0, 0, 0, 0};
    unsigned out = 0;
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE) {
        glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
        out = (static_cast<unsigned>(px[0]) << 24) | (px[1] << 16) | (px[2] << 8) | px[3];
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    glDeleteFramebuffers(1, &fbo);
    return out;
}

}  // extern "C"
