#include "demo.hpp"

#include <deque>
#include <map>
#include <set>

#include "box_module.hpp"
#include "json_mapping.hpp"
#include "personal_number.hpp"

namespace skolnav {

namespace {

using Random = DemoRandom;

const char* const kGirls[] = {"Alice", "Maja", "Elsa", "Astrid", "Wilma", "Freja", "Olivia", "Ebba", "Selma", "Alma",
                               "Agnes", "Saga", "Vera", "Stella", "Ella", "Ines", "Lilly", "Signe", "Tyra", "Märta"};
const char* const kBoys[] = {"William", "Liam", "Noah", "Hugo", "Oliver", "Lucas", "Elias", "Adam", "Alexander", "Vincent",
                              "Theo", "Nils", "Ludvig", "Olle", "Arvid", "Sixten", "Melvin", "Björn", "Måns", "Göran"};
const char* const kWomen[] = {"Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Sofia", "Malin", "Jenny",
                               "Åsa", "Linnéa", "Helena", "Johanna", "Ida"};
const char* const kMen[] = {"Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Fredrik", "Daniel", "Jonas",
                             "Magnus", "Örjan", "Stefan", "Andreas", "Mattias"};
const char* const kSurnames[] = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
                                  "Persson", "Svensson", "Gustafsson", "Lindberg", "Lindqvist", "Holm", "Bergström",
                                  "Sandberg", "Ekström", "Forsberg", "Sjöberg", "Wallin", "Åberg", "Öberg", "Lundgren",
                                  "Hedlund", "Nyström", "Mohammed", "Ali", "Hassan", "Nguyen", "Kowalski", "Yilmaz"};

// "Åsa Öberg" -> "asa.oberg": usernames and e-mail addresses in plain ASCII.
std::string ascii_fold(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : (c == ' ' ? '.' : c));
            continue;
        }
        const std::string two = s.substr(i, 2);
        ++i;
        if (two == "å" || two == "ä" || two == "Å" || two == "Ä") out += 'a';
        else if (two == "ö" || two == "Ö") out += 'o';
        else if (two == "é" || two == "É") out += 'e';
        else if (two == "ü" || two == "Ü") out += 'u';
    }
    return out;
}

struct Builder {
    Random rng;
    Date today;
    std::string password_hash;
    std::deque<Person> people;  // a deque: references stay valid as people are added
    std::vector<Group> groups;
    std::set<std::string> usernames;
    std::map<Id, std::vector<Person*>> guardians_of;

    std::string unique_username(const std::string& first, const std::string& last) {
        const std::string base = ascii_fold(first) + "." + ascii_fold(last);
        std::string name = base;
        for (int n = 2; usernames.count(name); ++n) name = base + std::to_string(n);
        usernames.insert(name);
        return name;
    }

    Person& add_person(Role role, const std::string& first, const std::string& last, const std::string& username) {
        Person& p = people.emplace_back();
        p.id = "per-" + std::to_string(people.size());
        p.role = role;
        p.first_name = first;
        p.last_name = last;
        if (!username.empty()) {
            p.username = username;
            usernames.insert(username);
            p.password_hash = password_hash;
        }
        if (role != Role::Pupil) {
            p.email = ascii_fold(first) + "." + ascii_fold(last) + "@ekby.exempel.se";
            p.phone = "070-" + std::to_string(1000000 + rng.below(9000000));
        }
        return p;
    }

    // A pupil of `age` years today, whose birthday was `days_since_birthday` days ago
    // (a random day of the past year when not given).
    Person& add_pupil(const std::string& first, const std::string& last, const std::string& username, const Id& school,
                      const Id& group, int age, int days_since_birthday = -1) {
        Person& p = add_person(Role::Pupil, first, last, username);
        const Date birthday = today.plus_days(-(days_since_birthday >= 0 ? days_since_birthday : rng.below(365)));
        Date birth{birthday.year - age, birthday.month, birthday.day};
        if (birth.month == 2 && birth.day == 29 && !is_leap_year(birth.year)) birth.day = 28;
        p.birth_date = birth;
        p.school_id = school;
        p.group_id = group;
        return p;
    }

    void link(Person& guardian, const Person& child) {
        guardian.children.push_back(child.id);
        guardians_of[child.id].push_back(&guardian);
    }

    Id add_group(const Id& school, const std::string& name) {
        const Id id = "grp-" + std::to_string(groups.size() + 1);
        groups.push_back(Group{id, school, name, {}, {}});
        return id;
    }
    Group& group(const Id& id) { return groups.at(std::stoul(id.substr(4)) - 1); }

    // One or two guardians for a child, sharing its surname most of the time.
    void add_guardians(const Person& child) {
        const int count = rng.chance(75) ? 2 : 1;
        for (int i = 0; i < count; ++i) {
            const bool woman = i == 0 ? rng.chance(55) : rng.chance(45);
            const std::string first = woman ? rng.pick(kWomen) : rng.pick(kMen);
            const std::string surname = rng.chance(85) ? child.last_name : rng.pick(kSurnames);
            link(add_person(Role::Guardian, first, surname, unique_username(first, surname)), child);
        }
    }
};

std::vector<Box> boxes_for(SchoolForm form) {
    using B = Box;
    switch (form) {
        case SchoolForm::Forskola:
            return {B::Franvaro, B::Information, B::Kalender, B::Tidsregistrering, B::Dokumentation, B::Blogg,
                    B::Kontaktlista, B::Utvecklingssamtal};
        case SchoolForm::Grundskola:
            return {B::Franvaro, B::Schema, B::Information, B::Kalender, B::Uppgifter, B::Bedomningar, B::ETest,
                    B::Blogg, B::Planeringar, B::Fritidsschema, B::Dokumentation, B::Kontaktlista, B::Utvecklingssamtal};
        case SchoolForm::Gymnasieskola:
            return {B::Franvaro, B::Schema, B::Information, B::Kalender, B::Uppgifter, B::Bedomningar, B::ETest,
                    B::Blogg, B::Planeringar, B::Dokumentation, B::Kontaktlista, B::Utvecklingssamtal};
    }
    return {};
}

}  // namespace

json make_demo_municipality(const DemoOptions& options, const Date& today, Crypto& crypto) {
    Builder b{Random{options.seed}, today, crypto.hash_password(options.password), {}, {}, {}, {}};

    const Id fsk = "sch-1", gr = "sch-2", gy = "sch-3";
    const School schools[] = {
        {fsk, "Förskolan Solrosen", SchoolForm::Forskola, "Europe/Stockholm", boxes_for(SchoolForm::Forskola)},
        {gr, "Ekbyskolan", SchoolForm::Grundskola, "Europe/Stockholm", boxes_for(SchoolForm::Grundskola)},
        {gy, "Ekby gymnasium", SchoolForm::Gymnasieskola, "Europe/Stockholm", boxes_for(SchoolForm::Gymnasieskola)}};

    // Groups, with the school year each class is in.
    std::vector<Id> fsk_groups, gr_groups, gy_groups;
    std::vector<int> gr_years, gy_years;
    for (const char* n : {"Blåklockan", "Humlan", "Myran", "Nyckelpigan"}) fsk_groups.push_back(b.add_group(fsk, n));
    for (int year = 1; year <= 9; ++year)
        for (char c : {'A', 'B'}) {
            gr_groups.push_back(b.add_group(gr, std::to_string(year) + c));
            gr_years.push_back(year);
        }
    const int school_year_start = (today.month >= 8 ? today.year : today.year - 1) % 100;
    for (int year = 1; year <= 3; ++year)
        for (const char* programme : {"NA", "SA", "TE", "EK"}) {
            gy_groups.push_back(b.add_group(gy, programme + std::to_string(school_year_start - year + 1) + "a"));
            gy_years.push_back(year);
        }
    const Id class_7a = gr_groups[12];

    // --- The highlighted demo accounts: stable usernames, known situations ----------
    Person& vh = b.add_person(Role::Guardian, "Anna", "Lindqvist", "demo.vh");
    Person& vh_partner = b.add_person(Role::Guardian, "Johan", "Lindqvist", b.unique_username("Johan", "Lindqvist"));
    for (Person* child : {&b.add_pupil("Elsa", "Lindqvist", "demo.elev", gr, class_7a, 13),
                          &b.add_pupil("Olle", "Lindqvist", "", fsk, fsk_groups[1], 4)}) {
        b.link(vh, *child);
        b.link(vh_partner, *child);
    }
    Person& vh2 = b.add_person(Role::Guardian, "Mohammed", "Hassan", "demo.vh2");
    b.link(vh2, b.add_pupil("Amira", "Hassan", "", gr, class_7a, 13));
    b.link(vh2, b.add_pupil("Yusuf", "Hassan", "demo.elev.gy", gy, gy_groups[0], 16));

    Person& vh_gy = b.add_person(Role::Guardian, "Karin", "Sjöberg", "demo.vh.gy");
    Person& tyra = b.add_pupil("Tyra", "Sjöberg", "demo.elev18", gy, gy_groups[8], 18, 20);  // turned 18 20 days ago
    tyra.insyn_consent = true;
    b.link(vh_gy, tyra);
    b.link(vh_gy, b.add_pupil("Måns", "Sjöberg", "demo.elev18.privat", gy, gy_groups[9], 19));

    Person& staff = b.add_person(Role::Staff, "Lena", "Forsberg", "demo.personal");
    staff.school_id = gr;
    staff.group_id = class_7a;
    b.group(class_7a).staff_ids.push_back(staff.id);
    b.group(class_7a).mentor_id = staff.id;
    b.add_person(Role::SchoolAdmin, "Per", "Ekström", "demo.admin").school_id = gr;

    // --- Everyone else ----------------------------------------------------------------
    struct Fill {
        Id school;
        const std::vector<Id>& groups;
        const std::vector<int>* years;  // school year per group; none for preschool
        int base_age;                   // age in year 1 (preschool: youngest)
    };
    const Fill fills[] = {{fsk, fsk_groups, nullptr, 1}, {gr, gr_groups, &gr_years, 6}, {gy, gy_groups, &gy_years, 15}};
    std::vector<const Person*> earlier_children;  // for families with children at two schools
    for (const Fill& f : fills) {
        std::vector<const Person*> these_children;
        for (int i = 0; i < options.pupils_per_school; ++i) {
            const int g = b.rng.below(static_cast<int>(f.groups.size()));
            const int age = f.years ? f.base_age + (*f.years)[g] + (b.rng.chance(5) ? 1 : 0) : f.base_age + b.rng.below(5);
            const bool sibling = !earlier_children.empty() && b.rng.chance(16);
            const Person* older = sibling ? earlier_children[b.rng.below(static_cast<int>(earlier_children.size()))] : nullptr;
            const std::string first = b.rng.chance(50) ? b.rng.pick(kGirls) : b.rng.pick(kBoys);
            const std::string last = older ? older->last_name : b.rng.pick(kSurnames);
            const bool signs_in = f.school != fsk;  // preschool children do not sign in
            Person& child = b.add_pupil(first, last, signs_in ? b.unique_username(first, last) : "", f.school, f.groups[g], age);
            if (f.school == gy && age >= 18) child.insyn_consent = b.rng.chance(70);
            // About one child in six has a brother or sister at another school: same guardians.
            if (older) {
                for (Person* guardian : std::vector<Person*>(b.guardians_of[older->id])) b.link(*guardian, child);
            } else {
                b.add_guardians(child);
            }
            these_children.push_back(&child);
        }
        earlier_children.insert(earlier_children.end(), these_children.begin(), these_children.end());
        // A teacher per group.
        for (const Id& group : f.groups) {
            const std::string first = b.rng.chance(70) ? b.rng.pick(kWomen) : b.rng.pick(kMen);
            const std::string last = b.rng.pick(kSurnames);
            Person& t = b.add_person(Role::Staff, first, last, b.unique_username(first, last));
            t.school_id = f.school;
            t.group_id = group;
            Group& g = b.group(group);
            g.staff_ids.push_back(t.id);
            if (g.mentor_id.empty()) g.mentor_id = t.id;
        }
    }

    // Personnummer from Skatteverket's test series for everyone who signs in (BankID).
    // Adults have no birth date here: one from their place in the list, so the random
    // sequence, and with it the rest of the demo, stays as it was.
    std::set<std::string> taken;
    for (std::size_t i = 0; i < b.people.size(); ++i) {
        Person& p = b.people[i];
        if (p.username.empty()) continue;
        const int n = static_cast<int>(i);
        const Date birth = p.birth_date ? *p.birth_date : Date{1970 + n % 25, 1 + n % 12, 1 + n % 28};
        for (int serial = kFirstTestBirthNumber; serial <= kLastTestBirthNumber && p.personal_number.empty(); ++serial)
            if (std::string number = personal_number(birth, serial); taken.insert(number).second) p.personal_number = number;
    }

    State state;
    state.municipality_name = "Ekby kommun";
    for (const School& school : schools) state.schools.emplace(school.id, school);
    for (Group& g : b.groups) state.groups.emplace(g.id, std::move(g));
    for (Person& p : b.people) state.people.emplace(p.id, std::move(p));
    rebuild_indexes(state);
    // Each box fills itself in, relative to today.
    const UnixSeconds now = TimeZone::named("Europe/Stockholm")->start_of_day(today) + 8 * 3600;
    DemoContext ctx{state, b.rng, today, now};
    for (const BoxModule* m : box_modules())
        if (m->make_demo) m->make_demo(ctx);
    return Store::snapshot_of(state, 0);
}

std::vector<DemoSignIn> demo_sign_ins(const State& state, const std::string& password) {
    static const std::pair<const char*, const char*> wanted[] = {
        {"demo.vh", "Vårdnadshavare: Elsa (grundskola, 7A) och Olle (förskola)"},
        {"demo.vh2", "Vårdnadshavare i en annan familj: Amira (grundskola) och Yusuf (gymnasiet, 16 år)"},
        {"demo.vh.gy", "Vårdnadshavare till två myndiga gymnasieelever, en med och en utan insyn"},
        {"demo.elev", "Elev i grundskolan, 13 år"},
        {"demo.elev.gy", "Elev på gymnasiet, 16 år"},
        {"demo.elev18", "Myndig gymnasieelev som gett vårdnadshavare insyn"},
        {"demo.elev18.privat", "Myndig gymnasieelev utan insyn för vårdnadshavare"},
        {"demo.personal", "Personal (lärare) på Ekbyskolan"},
        {"demo.admin", "Skoladministratör på Ekbyskolan"},
    };
    std::vector<DemoSignIn> out;
    for (const auto& [username, description] : wanted)
        if (auto it = state.username_index.find(username); it != state.username_index.end())
            out.push_back({username, password, description, state.people.at(it->second).personal_number});
    return out;
}

}  // namespace skolnav
