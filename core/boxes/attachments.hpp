// Uploaded files: their metadata (the bytes are kept by the platform's BlobStore under
// the generated id, never under a name a user chose), and which items link them.
//
// An attachment is private to its uploader until a module links it to an item (a
// news item, a portfolio item, an assignment, a hand-in…); from then on whoever may
// read that item may download it. The rule per link kind lives in attachments.cpp.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct Attachment {
    Id id;
    Id owner_id;               // the uploader
    std::string filename;      // the name it was uploaded as (only used as the download name)
    std::string content_type;  // the sniffed type: "image/png", "application/pdf", "text/plain", …
    std::int64_t size = 0;
    UnixSeconds uploaded_at = 0;
};

// "This item uses this attachment": kind is the linking module's ("documentation",
// "assignment", "hand_in", …), item_id that module's item.
struct AttachmentLink {
    Id attachment_id;
    std::string kind;
    Id item_id;
};

struct AttachmentState {
    std::map<Id, Attachment> files;
    std::vector<AttachmentLink> links;
};

}  // namespace skolnav

namespace skolnav {

struct State;
struct Person;

constexpr std::size_t kAttachmentMaxBytes = 10 * 1024 * 1024;  // 10 MiB
constexpr std::size_t kAttachmentFilenameMaxChars = 200;
constexpr std::size_t kMaxAttachmentsPerItem = 20;

// The allowed type of `bytes` by their content (magic bytes; for zip-based office
// files also the file name's extension and the inner marker), as a MIME type without
// parameters; nullopt when the content is not one of the allowed types.
std::optional<std::string> sniff_attachment_type(std::string_view bytes, const std::string& filename);
// Pictures are shown in the page; everything else is downloaded.
bool is_inline_type(const std::string& content_type);
// The name to save a download as: the uploaded name, with the type's extension added
// when the name's own does not fit the type ("notes.html" as text -> "notes.html.txt").
std::string download_name(const Attachment& a);

// May `viewer` download the attachment? Its uploader, and whoever a linking module's
// rule grants (see attachments.cpp); news items (Information) link by listing the id.
bool may_download(const State& state, const Person& viewer, const Attachment& a, UnixSeconds now);

// For modules that attach files to an item, before committing: each id must be an
// attachment `by` uploaded, or one already linked to this same item (kind, item_id).
// Throws 400 naming `field` otherwise (also for duplicates or too many).
void check_attachments(const State& state, const Person& by, const std::vector<Id>& ids, const char* field,
                       const std::string& kind = "", const Id& item_id = "");
// For items that list their files themselves (news items, blog posts): each id must be
// an attachment `by` uploaded, or one the item already lists (a colleague's file stays
// when someone else edits the item). The same 400 naming `field` otherwise.
void check_attachments(const State& state, const Person& by, const std::vector<Id>& ids, const char* field,
                       const std::vector<Id>& already_on_item);
// For apply functions: the links of item (kind, item_id) become `ids` (empty: none).
void set_attachment_links(State& state, const std::string& kind, const Id& item_id, const std::vector<Id>& ids);
// The attachments of an item for the wire: [{id, filename, content_type, size, inline, url}].
nlohmann::json attachments_json(const State& state, const std::vector<Id>& ids);

}  // namespace skolnav
