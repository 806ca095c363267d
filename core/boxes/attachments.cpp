// Attachments: uploaded files, checked by their content and stored under generated ids.
//   POST /api/v1/attachments?filename=NAME   the raw bytes as body, with their Content-Type
//   GET  /api/v1/attachments/{attachment}    the bytes, to the uploader and to whoever may
//                                            read an item that links the file
#include "core/boxes/attachments.hpp"

#include <algorithm>
#include <cstring>
#include <set>

#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/permissions.hpp"
#include "core/publishing.hpp"
#include "core/request_body.hpp"

namespace skolnav {

void to_json(json& j, const Attachment& a) {
    j = {{"id", a.id},     {"owner_id", a.owner_id}, {"filename", a.filename}, {"content_type", a.content_type},
         {"size", a.size}, {"uploaded_at", a.uploaded_at}};
}
void from_json(const json& j, Attachment& a) {
    a.id = j.at("id").get<std::string>();
    a.owner_id = j.at("owner_id").get<std::string>();
    a.filename = j.at("filename").get<std::string>();
    a.content_type = j.at("content_type").get<std::string>();
    a.size = j.at("size").get<std::int64_t>();
    a.uploaded_at = j.at("uploaded_at").get<UnixSeconds>();
}
void to_json(json& j, const AttachmentLink& l) {
    j = {{"attachment_id", l.attachment_id}, {"kind", l.kind}, {"item_id", l.item_id}};
}
void from_json(const json& j, AttachmentLink& l) {
    l.attachment_id = j.at("attachment_id").get<std::string>();
    l.kind = j.at("kind").get<std::string>();
    l.item_id = j.at("item_id").get<std::string>();
}

// The link kinds' rules (defined by the modules that link files).
bool may_read_documentation_item(const State& state, const Person& viewer, const Id& item_id, UnixSeconds now);
bool may_read_assignment(const State& state, const Person& viewer, const Id& assignment_id, UnixSeconds now);
bool may_read_hand_in(const State& state, const Person& viewer, const Id& hand_in_id, UnixSeconds now);

namespace {

struct FileType {
    const char* mime;
    const char* name;     // in Swedish messages
    const char* name_en;  // in English ones, with its article
    std::vector<const char*> extensions;  // the first is added to download names that lack one
};

const FileType kTypes[] = {
    {"application/pdf", "PDF", "a PDF", {"pdf"}},
    {"image/png", "PNG-bild", "a PNG image", {"png"}},
    {"image/jpeg", "JPEG-bild", "a JPEG image", {"jpg", "jpeg", "jpe"}},
    {"image/gif", "GIF-bild", "a GIF image", {"gif"}},
    {"image/webp", "WebP-bild", "a WebP image", {"webp"}},
    {"text/plain", "textfil", "a text file", {"txt", "text", "csv", "md", "log"}},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word-dokument", "a Word document", {"docx"}},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel-dokument", "an Excel document", {"xlsx"}},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint-dokument",
     "a PowerPoint document", {"pptx"}},
    {"application/vnd.oasis.opendocument.text", "OpenDocument-text", "an OpenDocument text", {"odt"}},
};

const FileType* type_of(const std::string& mime) {
    for (const FileType& t : kTypes)
        if (mime == t.mime) return &t;
    return nullptr;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string extension_of(const std::string& filename) {
    const auto dot = filename.rfind('.');
    return dot == std::string::npos ? "" : lower(filename.substr(dot + 1));
}

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        int extra;
        std::uint32_t cp;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) { extra = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { extra = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { extra = 3; cp = c & 0x07; }
        else return false;
        if (i + extra >= s.size()) return false;
        for (int k = 1; k <= extra; ++k) {
            const unsigned char d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += extra + 1;
    }
    return true;
}

bool is_plain_text(std::string_view bytes) {
    for (char ch : bytes) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
    }
    return valid_utf8(bytes);
}

// A zip archive (local file header) that holds the entry `name` somewhere.
bool zip_has_entry(std::string_view bytes, std::string_view name) { return bytes.find(name) != std::string_view::npos; }

// The declared Content-Type as a bare MIME type in lower case ("" when none), and
// whether its parameters are acceptable for text (charset utf-8 or us-ascii).
std::string declared_mime(const std::string& header, bool& charset_ok) {
    charset_ok = true;
    std::string h = lower(header);
    const auto semi = h.find(';');
    std::string mime = h.substr(0, semi);
    auto trim = [](std::string s) {
        const auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
        return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    };
    mime = trim(mime);
    if (semi != std::string::npos) {
        const auto cs = h.find("charset=", semi);
        if (cs != std::string::npos) {
            std::string value = trim(h.substr(cs + 8, h.find(';', cs) - cs - 8));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
            charset_ok = value == "utf-8" || value == "utf8" || value == "us-ascii";
        }
    }
    if (mime == "image/jpg" || mime == "image/pjpeg") mime = "image/jpeg";
    return mime;
}

void check_filename(const std::string& name) {
    if (name.empty()) throw bad_request("filename", "Filnamn saknas (ange ?filename=…).", "The file name is missing (give ?filename=…).");
    if (!valid_utf8(name)) throw bad_request("filename", "Filnamnet är inte giltig text.", "The file name is not valid text.");
    std::size_t chars = 0;
    for (unsigned char c : name) chars += (c & 0xC0) != 0x80;
    if (chars > kAttachmentFilenameMaxChars)
        throw bad_request("filename", "Filnamnet får vara högst " + std::to_string(kAttachmentFilenameMaxChars) + " tecken.",
                          "The file name can be at most " + std::to_string(kAttachmentFilenameMaxChars) + " characters.");
    // No control characters (nor tabs or line breaks) and no bidi controls: a name like
    // "bild\u202Egnp.exe" would show as "bildexe.png".
    if (!acceptable_text(name) || name.find_first_of("\t\n") != std::string::npos)
        throw bad_request("filename", "Filnamnet innehåller otillåtna tecken.",
                          "The file name contains characters that are not allowed.");
    if (name.find_first_of("/\\") != std::string::npos)
        throw bad_request("filename", "Filnamnet får inte innehålla / eller \\.", "The file name cannot contain / or \\.");
    if (name == "." || name == "..") throw bad_request("filename", "Filnamnet är inte giltigt.", "The file name is not valid.");
}

json attachment_json(const Attachment& a) {
    return {{"id", a.id},
            {"filename", a.filename},
            {"content_type", a.content_type},
            {"size", a.size},
            {"inline", is_inline_type(a.content_type)},
            {"url", "/api/v1/attachments/" + a.id}};
}

// --- who may download ------------------------------------------------------------

using LinkRule = bool (*)(const State&, const Person&, const Id& item_id, UnixSeconds now);

struct LinkKind {
    const char* kind;
    LinkRule grants;
};

// Every module that links files by set_attachment_links adds its rule here.
const LinkKind kLinkKinds[] = {
    {"documentation", may_read_documentation_item},
    {"assignment", may_read_assignment},
    {"hand_in", may_read_hand_in},
};

// News items (Information) and blog posts list their attachment ids: a file reaches
// exactly the item's audience — staff who see the item from the staff side (the
// school's admin; other staff for whole-school items and their own groups' items),
// and pupils and guardians who see the item's box on the start page of a pupil the
// item reaches.
bool published_item_grants(const State& state, const Person& viewer, const Id& school_id, const std::vector<Id>& group_ids,
                           Box box, UnixSeconds now) {
    if (staff_sees(state, viewer, school_id, group_ids)) return true;
    for (const Person* pupil : pupils_acted_for(state, viewer)) {
        if (!reaches_pupil(*pupil, school_id, group_ids)) continue;
        const School* school = school_of(state, *pupil);
        if (school && sees_box(state, viewer, *pupil, box, today_at(*school, now))) return true;
    }
    return false;
}

bool lists(const std::vector<Id>& ids, const Id& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

// --- routes ------------------------------------------------------------------------

// "att-" and a fresh random token (256 bits, URL-safe): one file's id tells nothing
// about another's (ids were sequential, att-N, before; those still load and work).
Id new_attachment_id(Crypto& crypto) { return "att-" + crypto.random_token(); }

Response upload_attachment(Context& ctx) {
    if (!ctx.services.blobs) throw ApiError(503, "no_storage", {"Filer kan inte sparas här.", "Files cannot be saved here."});
    if (ctx.me->role == Role::Guardian)
        throw ApiError(403, "forbidden", {"Vårdnadshavare kan inte ladda upp filer.", "Guardians cannot upload files."});
    const auto q = ctx.request.query.find("filename");
    const std::string filename = q == ctx.request.query.end() ? "" : q->second;
    check_filename(filename);
    const std::string& bytes = ctx.request.body;
    if (bytes.empty()) throw bad_request("file", "Filen är tom.", "The file is empty.");
    if (bytes.size() > kAttachmentMaxBytes)
        throw ApiError(413, "too_large", {"Filen är större än 10 MB.", "The file is larger than 10 MB."}, "file");

    const auto sniffed = sniff_attachment_type(bytes, filename);
    if (!sniffed)
        throw ApiError(415, "unsupported_type",
                       {"Filtypen tas inte emot. Tillåtna filer: PDF, PNG, JPEG, GIF, WebP, text (UTF-8), Word, Excel, "
                        "PowerPoint och OpenDocument-text.",
                        "This type of file is not accepted. Allowed files: PDF, PNG, JPEG, GIF, WebP, text (UTF-8), Word, "
                        "Excel, PowerPoint and OpenDocument text."},
                       "file");
    bool charset_ok = true;
    const std::string declared = declared_mime(ctx.request.content_type, charset_ok);
    const FileType* type = type_of(*sniffed);
    if (declared != *sniffed || !charset_ok)
        throw ApiError(415, "unsupported_type",
                       {std::string("Filen är en ") + type->name + " men skickades som " +
                            (declared.empty() ? std::string("okänd typ") : declared) + ".",
                        std::string("The file is ") + type->name_en + " but was sent as " +
                            (declared.empty() ? std::string("an unknown type") : declared) + "."},
                       "file");

    // The bytes first, under an id of our own, then the record that points at them: a
    // crash in between leaves unused bytes, never a record without its file.
    const Id id = new_attachment_id(ctx.services.crypto);
    ctx.services.blobs->put(id, bytes);
    Attachment a{id, ctx.me->id, filename, *sniffed, static_cast<std::int64_t>(bytes.size()), ctx.now};
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        seq = txn.commit({{"type", "attachment_uploaded"}, {"attachment", a}});
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 201;
    res.body = {{"attachment", attachment_json(a)}};
    return res;
}

Response download_attachment(Context& ctx) {
    Attachment a;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        auto it = state.attachments.files.find(ctx.params.at("attachment"));
        if (it == state.attachments.files.end() || !may_download(state, *ctx.me, it->second, ctx.now)) throw not_found();
        a = it->second;
    }
    if (!ctx.services.blobs) throw ApiError(503, "no_storage", {"Filer kan inte hämtas här.", "Files cannot be fetched here."});
    auto bytes = ctx.services.blobs->get(a.id);
    if (!bytes) throw ApiError(500, "missing_file", {"Filen saknas på servern.", "The file is missing on the server."});
    Response res;
    res.status = 200;
    res.file_bytes = std::move(*bytes);
    res.file_content_type = a.content_type == "text/plain" ? "text/plain; charset=utf-8" : a.content_type;
    res.file_name = download_name(a);
    res.file_inline = is_inline_type(a.content_type);
    return res;
}

bool apply(State& state, const std::string& type, const json& event) {
    if (type == "attachment_uploaded") {
        auto a = event.at("attachment").get<Attachment>();
        Id id = a.id;
        state.attachments.files[id] = std::move(a);
    } else if (type == "attachments_linked") {
        set_attachment_links(state, event.at("kind").get<std::string>(), event.at("item_id").get<std::string>(),
                             event.at("attachment_ids").get<std::vector<Id>>());
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json files = json::array();
    for (const auto& [id, a] : state.attachments.files) files.push_back(a);
    out["attachments"] = std::move(files);
    out["attachment_links"] = state.attachments.links;
}

void load(const json& in, State& state) {
    state.attachments = {};
    for (const auto& j : in.value("attachments", json::array())) {
        auto a = j.get<Attachment>();
        Id id = a.id;
        state.attachments.files.emplace(std::move(id), std::move(a));
    }
    for (const auto& j : in.value("attachment_links", json::array()))
        state.attachments.links.push_back(j.get<AttachmentLink>());
}

}  // namespace

std::optional<std::string> sniff_attachment_type(std::string_view bytes, const std::string& filename) {
    if (starts_with(bytes, "%PDF-")) return "application/pdf";
    if (starts_with(bytes, std::string_view("\x89PNG\r\n\x1a\n", 8))) return "image/png";
    if (starts_with(bytes, "\xFF\xD8\xFF")) return "image/jpeg";
    if (starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a")) return "image/gif";
    if (bytes.size() >= 12 && starts_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") return "image/webp";
    if (starts_with(bytes, std::string_view("PK\x03\x04", 4))) {
        const std::string ext = extension_of(filename);
        const bool ooxml = zip_has_entry(bytes, "[Content_Types].xml");
        if (ext == "docx" && ooxml && zip_has_entry(bytes, "word/"))
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        if (ext == "xlsx" && ooxml && zip_has_entry(bytes, "xl/"))
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        if (ext == "pptx" && ooxml && zip_has_entry(bytes, "ppt/"))
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        // OpenDocument: the first entry is "mimetype", stored uncompressed (name at 30).
        if (ext == "odt" && bytes.size() > 38 && bytes.substr(30, 8) == "mimetype" &&
            starts_with(bytes.substr(38), "application/vnd.oasis.opendocument.text"))
            return "application/vnd.oasis.opendocument.text";
        return std::nullopt;  // other zip archives are not taken
    }
    if (is_plain_text(bytes)) return "text/plain";
    return std::nullopt;
}

bool is_inline_type(const std::string& t) {
    return t == "image/png" || t == "image/jpeg" || t == "image/gif" || t == "image/webp";
}

std::string download_name(const Attachment& a) {
    const FileType* type = type_of(a.content_type);
    if (!type) return a.filename;
    const std::string ext = extension_of(a.filename);
    for (const char* e : type->extensions)
        if (ext == e) return a.filename;
    return a.filename + "." + type->extensions.front();
}

bool may_download(const State& state, const Person& viewer, const Attachment& a, UnixSeconds now) {
    if (a.owner_id == viewer.id) return true;
    for (const AttachmentLink& link : state.attachments.links) {
        if (link.attachment_id != a.id) continue;
        for (const LinkKind& k : kLinkKinds)
            if (link.kind == k.kind && k.grants(state, viewer, link.item_id, now)) return true;
    }
    for (const auto& [id, item] : state.information.items)
        if (lists(item.attachment_ids, a.id) &&
            published_item_grants(state, viewer, item.school_id, item.group_ids, Box::Information, now))
            return true;
    for (const auto& [id, post] : state.blog.posts)
        if (lists(post.attachment_ids, a.id) && published_item_grants(state, viewer, post.school_id, post.group_ids, Box::Blogg, now))
            return true;
    return false;
}

void check_attachments(const State& state, const Person& by, const std::vector<Id>& ids, const char* field,
                       const std::string& kind, const Id& item_id) {
    if (ids.size() > kMaxAttachmentsPerItem)
        throw bad_request(field, "Högst " + std::to_string(kMaxAttachmentsPerItem) + " bifogade filer.",
                          "At most " + std::to_string(kMaxAttachmentsPerItem) + " attached files.");
    std::set<Id> seen;
    for (const Id& id : ids) {
        if (!seen.insert(id).second)
            throw bad_request(field, "Samma fil är bifogad två gånger.", "The same file is attached twice.");
        auto it = state.attachments.files.find(id);
        bool usable = it != state.attachments.files.end() && it->second.owner_id == by.id;
        if (!usable && it != state.attachments.files.end() && !kind.empty())
            for (const AttachmentLink& l : state.attachments.links)
                usable = usable || (l.attachment_id == id && l.kind == kind && l.item_id == item_id);
        if (!usable)
            throw bad_request(field, "Den bifogade filen " + id + " finns inte bland dina uppladdade filer.",
                              "The attached file " + id + " is not among the files you uploaded.");
    }
}

void check_attachments(const State& state, const Person& by, const std::vector<Id>& ids, const char* field,
                       const std::vector<Id>& already_on_item) {
    if (ids.size() > kMaxAttachmentsPerItem) check_attachments(state, by, ids, field);  // the same "too many"
    std::vector<Id> added;
    for (const Id& id : ids)
        if (!lists(already_on_item, id)) added.push_back(id);
    check_attachments(state, by, added, field);
}

void set_attachment_links(State& state, const std::string& kind, const Id& item_id, const std::vector<Id>& ids) {
    auto& links = state.attachments.links;
    links.erase(std::remove_if(links.begin(), links.end(),
                               [&](const AttachmentLink& l) { return l.kind == kind && l.item_id == item_id; }),
                links.end());
    for (const Id& id : ids) links.push_back({id, kind, item_id});
}

json attachments_json(const State& state, const std::vector<Id>& ids) {
    json list = json::array();
    for (const Id& id : ids)
        if (auto it = state.attachments.files.find(id); it != state.attachments.files.end())
            list.push_back(attachment_json(it->second));
    return list;
}

extern const BoxModule attachments_module{
    "attachments",
    {},
    {
        {"POST", "/api/v1/attachments", true, upload_attachment, Access::SignedIn},
        {"GET", "/api/v1/attachments/{attachment}", true, download_attachment, Access::SignedIn},
    },
    apply,
    save,
    load,
};

}  // namespace skolnav
