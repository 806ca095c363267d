#include "boxes/utvecklingssamtal.hpp"

#include "app/ui.hpp"

namespace boxes {

void UtvecklingssamtalBox::draw_full_view(BoxContext&, const app::Pupil&) {
    app::ui::Note("Den här delen av Skolnav är inte klar ännu. Den kommer i en senare version.", app::ui::Tone::Info);
}

}  // namespace boxes
