// Blogg: data. Posts by staff to their groups (or by the admin to the whole school),
// with the comments pupils write on them; staff may hide a comment.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct BlogComment {
    Id id;
    Id author_id;  // a pupil
    std::string body;
    UnixSeconds created_at = 0;
    bool hidden = false;  // hidden by staff: not shown to pupils and guardians
    Id hidden_by;
};

struct BlogPost {
    Id id;
    Id school_id;
    std::vector<Id> group_ids;  // empty: the whole school
    std::string title;
    std::string body;
    std::vector<Id> attachment_ids;  // pictures and files (attachments module)
    Id author_id;
    UnixSeconds published_at = 0;
    UnixSeconds changed_at = 0;  // 0: never changed
    std::vector<BlogComment> comments;  // oldest first
};

struct BlogState {
    std::map<Id, BlogPost> posts;
};

constexpr std::size_t kBlogTitleMaxChars = 200;
constexpr std::size_t kBlogBodyMaxChars = 20000;
constexpr std::size_t kBlogCommentMaxChars = 2000;

}  // namespace skolnav
