// Bedömningar: all of the pupil's assessments, subject by subject. Each criterion
// (kunskapskrav) lists its parts; an assessed part carries the teacher's symbol (red,
// yellow, green: told apart by shape as well as colour), a part without one has not
// been covered in teaching yet. The school's own legend says what the symbols mean;
// hovering a symbol shows its meaning, tapping it shows the meaning under the part.
// Criteria assessed since the viewer last looked are marked "Ny", and opening the view
// marks them read. Where the school publishes grades, a "Betyg" tab lists them by term.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "app/fetch_state.hpp"
#include "boxes/box.hpp"

namespace boxes {

enum class AssessmentLevel { None, Red, Yellow, Green };

struct AssessedPart {
    int index = 0;
    std::string text;
    AssessmentLevel level = AssessmentLevel::None;
};

struct AssessedCriterion {
    std::string id, title, group, comment, assessed_at, assessed_by;
    bool is_new = false;
    std::vector<AssessedPart> parts;
};

struct SubjectAssessments {
    std::string subject;
    std::vector<AssessedCriterion> criteria;
};

// The school's meanings of the symbols (grundskola and gymnasieskola differ).
struct SymbolLegend {
    std::string red, yellow, green, not_assessed;
    const std::string& meaning(AssessmentLevel level) const;
};

struct TermGrades {
    std::string term;  // "VT2026"
    std::vector<std::pair<std::string, std::string>> grades;  // subject, grade (A–F or "-")
};

class BedomningarBox : public Box {
public:
    BedomningarBox(std::string pupil_id, std::string school_id)
        : pupil_id_(std::move(pupil_id)), school_id_(std::move(school_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;
    // An assessment (its criterion's id): framed among the assessments. "betyg", or the
    // school's id (what grade notifications carry): the grades.
    bool show_item(BoxContext& ctx, const std::string& item_id) override;
    bool item_missing() const override { return linked_missing_; }

private:
    using Load = app::Load;
    enum class Page { Assessments, Grades };

    void load(BoxContext& ctx);
    void mark_read(BoxContext& ctx);
    void load_grades(BoxContext& ctx);
    void draw_tabs(BoxContext& ctx);
    void draw_assessments(BoxContext& ctx);
    void draw_legend();
    void draw_criterion(const AssessedCriterion& c);
    void draw_part(const AssessedCriterion& c, const AssessedPart& part);
    void draw_grades(BoxContext& ctx);

    std::string pupil_id_, school_id_;
    Page page_ = Page::Assessments;

    // The item the address names: checked against the assessments once they have come.
    void find_linked();
    std::string linked_;           // a criterion's id, or "betyg"
    bool linked_missing_ = false;  // not this pupil's: "Hittades inte"
    int linked_scroll_ = 0;        // frames left to bring it into view

    // The assessments.
    app::Fetch fetch_;
    std::vector<SubjectAssessments> subjects_;
    SymbolLegend legend_;
    bool grades_published_ = false;
    int unread_ = 0;
    bool read_marked_ = false;  // this visit's "read" has been sent

    // Parts whose meaning is shown under them (tapped): "criterion#part".
    std::set<std::string> shown_meanings_;

    // The grades (Betyg).
    app::Fetch grades_fetch_;
    std::vector<TermGrades> terms_;
};

}  // namespace boxes
