// SPDX-License-Identifier: MIT
// A city and the subdivision of the same name around it (Moscow, Beijing, Tokyo,
// Sao Paulo, Lagos) resolve to the subdivision unless "City"/"city of" asks otherwise.
// Tests for the gazetteer, on the real tables in data/gazetteer.
#include "epiwire/gazetteer/gazetteer.h"

#include <gtest/gtest.h>

#include "epiwire/base/file.h"
#include "epiwire/base/fold.h"
#include "epiwire/gazetteer/gazetteer_snapshot.h"
#include "epiwire/gazetteer/gazetteer_tables.h"

#include <cctype>
#include <string>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace epiwire::gazetteer {
namespace {

const Gazetteer& Shared() {
  static const Gazetteer* gazetteer = [] {
    auto loaded = Gazetteer::Load(EPIWIRE_SOURCE_DIR "/data/gazetteer");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? std::move(loaded).value().release() : nullptr;
  }();
  return *gazetteer;
}

std::string_view Covered(std::string_view text, const PlaceMention& m) {
  return text.substr(m.start, m.end - m.start);
}

// No mention that FindPlaces finds in `text` covers `word`.
void ExpectNoMentionOf(std::string_view text, std::string_view word) {
  for (const auto& m : Shared().FindPlaces(text)) {
    EXPECT_EQ(Covered(text, m).find(word), std::string_view::npos)
        << "\"" << Covered(text, m) << "\" matched in: " << text;
  }
}

struct FoundCase {
  const char* text;
  const char* mention;  // the exact text the mention must cover
  const char* country;
  const char* subdivision;
  PlaceLevel level;
  MentionKind kind;
};

// Failures name the case by its sentence rather than by its bytes.
void PrintTo(const FoundCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class FindPlacesFinds : public testing::TestWithParam<FoundCase> {};

TEST_P(FindPlacesFinds, TheExpectedPlace) {
  const FoundCase& c = GetParam();
  const std::string_view text = c.text;
  const auto mentions = Shared().FindPlaces(text);
  const PlaceMention* found = nullptr;
  for (const auto& m : mentions) {
    if (Covered(text, m) == c.mention) found = &m;
  }
  ASSERT_NE(found, nullptr) << "no mention \"" << c.mention << "\" in: " << c.text;
  EXPECT_EQ(found->place.country, c.country) << c.text;
  EXPECT_EQ(found->place.subdivision, c.subdivision) << c.text;
  EXPECT_EQ(found->place.level, c.level) << c.text;
  EXPECT_EQ(found->kind, c.kind) << c.text;
}

constexpr auto kCountry = PlaceLevel::kCountry;
constexpr auto kSub = PlaceLevel::kSubdivision;
constexpr auto kCity = PlaceLevel::kCity;
constexpr auto kOther = PlaceLevel::kOther;
constexpr auto kName = MentionKind::kName;
constexpr auto kAlias = MentionKind::kAlias;
constexpr auto kDivision = MentionKind::kDivision;
constexpr auto kDemonym = MentionKind::kDemonym;

const FoundCase kFoundCases[] = {
    // A headline's last word and the next line's first are two names, not one.
    {"Cholera in Nigeria\n\nKano reported 12 new cases on Monday.", "Kano", "NG", "NG-KN", kCity,
     kName},
    {"Heilongjiang Province reported 12 new infections on Tuesday.", "Heilongjiang Province", "CN",
     "CN-HL", kSub, kName},
    {"Hubei province extended its travel ban.", "Hubei province", "CN", "CN-HB", kSub, kName},
    // A division named like its city: the noun after it asks for the division.
    {"Barishal division has reported 120 deaths.", "Barishal division", "BD", "BD-A", kSub, kName},
    // A state of 13 million, not the Uruguayan department whose town shares its name.
    {"Florida reported 10,000 new cases on Saturday.", "Florida", "US", "US-FL", kSub, kName},
    // The province's French name is its city's own: the province, as "Quebec" is.
    {"Le Québec compte 4 611 cas.", "Québec", "CA", "CA-QC", kSub, kName},
    // A county named after its town is not the town's name: "Mombasa" is the city.
    {"Cholera cases rose in Mombasa this week.", "Mombasa", "KE", "KE-28", kCity, kName},
    // A city's name without its river: "Frankfurt am Main", not Frankfort, Kentucky.
    {"Two travellers flew back to Frankfurt on Monday.", "Frankfurt", "DE", "DE-HE", kCity, kName},
    {"Health officials in Fushun City closed two schools.", "Fushun City", "CN", "CN-LN", kCity,
     kName},
    {"Russia said that Moscow would tighten its rules.", "Moscow", "RU", "RU-MOW", kSub, kName},
    {"Moscow recorded a rise in hospital admissions.", "Moscow", "RU", "RU-MOW", kSub, kName},
    {"Officials in the DPRK denied any outbreak.", "the DPRK", "KP", "", kCountry, kAlias},
    // An institution that stands for its country: a text for its own readers may name no
    // other.
    {"The Taoiseach said schools would reopen.", "The Taoiseach", "IE", "", kCountry, kAlias},
    // "Korea" alone is the South, as "Korean" is; an agency's "Disease" labels no disease.
    {"The Korea Disease Control and Prevention Agency counted 926 cases.", "Korea", "KR", "",
     kCountry, kAlias},
    {"A North Korean defector described the clinics.", "North Korean", "KP", "", kCountry,
     kDemonym},
    {"The Russian city of Vladivostok shut its port.", "Russian", "RU", "", kCountry, kDemonym},
    {"The Russian city of Vladivostok shut its port.", "Vladivostok", "RU", "RU-PRI", kCity, kName},
    {"China's health commission published new figures.", "China", "CN", "", kCountry, kName},
    {"Russia\xE2\x80\x99s ministry confirmed the figure.", "Russia", "RU", "", kCountry, kName},
    {"Hospitals in Atlanta are full, and Georgia has asked for help.", "Georgia", "US", "US-GA",
     kSub, kName},
    {"Doctors in Tbilisi said Georgia had enough beds.", "Georgia", "GE", "", kCountry, kName},
    {"Georgia closed its border with Armenia.", "Georgia", "GE", "", kCountry, kName},
    {"Paris hospitals are under strain.", "Paris", "FR", "FR-IDF", kCity, kName},
    {"Harbin confirmed two cases overnight.", "Harbin", "CN", "CN-HL", kCity, kName},
    {"Trade through Sinuiju was halted last week.", "Sinuiju", "KP", "KP-03", kCity, kName},
    {"Passengers arriving in the UK must isolate.", "the UK", "GB", "", kCountry, kAlias},
    {"Cases are rising across Europe this winter.", "Europe", "", "", kOther, kName},
    {"The outbreak began in Wuhan late last year.", "Wuhan", "CN", "CN-HB", kCity, kName},
    {"Singapore reported 40 cases.", "Singapore", "SG", "", kCountry, kName},
    {"Beijing ordered mass testing.", "Beijing", "CN", "CN-BJ", kSub, kName},
    {"Officials in the U.S. confirmed the case.", "the U.S.", "US", "", kCountry, kAlias},
    {"The United States sent aid.", "The United States", "US", "", kCountry, kAlias},
    {"Iran's deputy health minister fell ill.", "Iran", "IR", "", kCountry, kName},
    {"Iranian officials closed the shrines.", "Iranian", "IR", "", kCountry, kDemonym},
    {"Algerian authorities reported a cluster.", "Algerian", "DZ", "", kCountry, kDemonym},
    {"Vietnamese health workers traced the contacts.", "Vietnamese", "VN", "", kCountry, kDemonym},
    {"South Korean officials tested 10,000 people.", "South Korean", "KR", "", kCountry, kDemonym},
    {"Italian doctors described the ward.", "Italian", "IT", "", kCountry, kDemonym},
    {"British scientists sequenced the strain.", "British", "GB", "", kCountry, kDemonym},
    {"An American patient was flown home.", "American", "US", "", kCountry, kDemonym},
    {"Chinese researchers shared the genome.", "Chinese", "CN", "", kCountry, kDemonym},
    {"Tokyo asked residents to stay home.", "Tokyo", "JP", "JP-13", kSub, kName},
    {"Lombardy has the most cases in the country.", "Lombardy", "IT", "IT-25", kSub, kName},
    {"S\xC3\xA3o Paulo opened field hospitals.", "S\xC3\xA3o Paulo", "BR", "BR-SP", kSub, kName},
    {"Sao Paulo opened field hospitals.", "Sao Paulo", "BR", "BR-SP", kCity, kName},
    {"Flights to Kiev were cancelled.", "Kiev", "UA", "UA-30", kCity, kAlias},
    {"Mainland China reported no new local cases.", "Mainland China", "CN", "", kCountry, kAlias},
    {"Hong Kong closed its schools.", "Hong Kong", "HK", "", kCountry, kName},
    {"Casinos in Macau shut for two weeks.", "Macau", "MO", "", kCountry, kAlias},
    {"Czechia made masks compulsory.", "Czechia", "CZ", "", kCountry, kName},
    {"Ivory Coast sealed off its largest city.", "Ivory Coast", "CI", "", kCountry, kName},
    {"An Ebola outbreak in the DRC spread east.", "the DRC", "CD", "", kCountry, kAlias},
    {"Measles cases rose in Congo.", "Congo", "CD", "", kCountry, kAlias},
    {"Holland tightened its rules.", "Holland", "NL", "", kCountry, kAlias},
    {"Burma closed its border.", "Burma", "MM", "", kCountry, kAlias},
    {"Tourism across the Middle East collapsed.", "the Middle East", "", "", kOther, kName},
    {"Ships in the South China Sea were quarantined.", "the South China Sea", "", "", kOther,
     kName},
    {"Latin America became the epicentre.", "Latin America", "", "", kOther, kName},
    {"Flooding hit Delta State again.", "Delta State", "NG", "NG-DE", kSub, kName},
    {"Lagos imposed a curfew.", "Lagos", "NG", "NG-LA", kSub, kName},
    {"Shanxi and its neighbour reported cases.", "Shanxi", "CN", "CN-SX", kSub, kName},
    {"Shaanxi reported three cases.", "Shaanxi", "CN", "CN-SN", kSub, kName},
    {"Inner Mongolia closed its border crossings.", "Inner Mongolia", "CN", "CN-NM", kSub, kName},
    {"Melbourne is the capital of Victoria, where cases doubled.", "Victoria", "AU", "AU-VIC", kSub,
     kName},
    {"The mayor of Washington, D.C. declared an emergency.", "Washington, D.C.", "US", "US-DC",
     kSub, kAlias},
    {"Ho Chi Minh City ordered a lockdown.", "Ho Chi Minh City", "VN", "VN-SG", kCity, kName},
    // Provinces Vietnam merged in 2025 keep their ISO codes for the news of earlier years.
    {"Binh Duong province reported 300 new cases.", "Binh Duong province", "VN", "VN-57", kSub,
     kName},
    {"Factories in Ba Ria-Vung Tau closed.", "Ba Ria-Vung Tau", "VN", "VN-43", kSub, kName},
    {"Trains to Kharkiv resumed.", "Kharkiv", "UA", "UA-63", kCity, kName},
    {"Experts met in Geneva while Atlanta and New York reported cases.", "Geneva", "CH", "CH-GE",
     kCity, kAlias},
    {"Washington and Moscow disagreed, New York officials said.", "Moscow", "RU", "RU-MOW", kSub,
     kName},
    {"Washington State reported three deaths.", "Washington State", "US", "US-WA", kSub, kName},
    {"Paris, Texas, opened a testing site.", "Paris", "US", "US-TX", kCity, kName},
    {"The Jiangsu provincial government met.", "Jiangsu", "CN", "CN-JS", kSub, kName},
    {"R\xC3\xADo Grande do Sul counted 72 cases.", "R\xC3\xADo Grande do Sul", "BR", "BR-RS", kSub,
     kName},
    {"Officials in the south Bronx closed two towers.", "Bronx", "US", "US-NY", kCity, kName},
    {"Swans died in Eastern Macedonia and Thrace.", "Eastern Macedonia and Thrace", "GR", "GR-A",
     kSub, kName},
    {"Farms in Washington and Montana were quarantined.", "Montana", "US", "US-MT", kSub, kName},
    {"12 new cases were confirmed in London, Ontario, on Monday.", "London", "CA", "CA-ON", kCity,
     kName},
    {"Schools closed in Primorsky Krai.", "Primorsky Krai", "RU", "RU-PRI", kSub, kName},
    {"The Primorsky Territory reported cases.", "Primorsky Territory", "RU", "RU-PRI", kSub, kName},
    {"Flights to the Sverdlovsk Region stopped.", "Sverdlovsk Region", "RU", "RU-SVE", kSub, kName},
    {"Anthrax killed cattle in Sweetwater County, Wyoming, last week.", "Sweetwater County", "US",
     "US-WY", kOther, kDivision},
    {"Forty fell ill in Orleans Parish, Louisiana.", "Orleans Parish", "US", "US-LA", kOther,
     kDivision},
    // A division no table knows lies in the one country and subdivision of the text's
    // other places, even where their names alone leave the country open.
    {"Washington state counted 40 cases, 12 of them in Zorbaville County.", "Zorbaville County",
     "US", "US-WA", kOther, kDivision},
    // A division named after a town of another region lies in the text's region; one
    // named after a town of the text's region is read as the town.
    {"Minnesota confirmed three cases in Hennepin County, near Minneapolis.", "Hennepin County",
     "US", "US-MN", kOther, kDivision},
    {"Nipah was confirmed in Kerala's Kozhikode district.", "Kozhikode", "IN", "IN-KL", kCity,
     kName},
    // The rows of a table name places of one level: where one row's name is only a
    // region's, the others are read as regions where they can be.
    {"Cases by county:\nMombasa - 17 cases\nGarissa - 41 cases\nTana River - 33 cases", "Garissa",
     "KE", "KE-07", kSub, kName},
    // So do the items of a list of names that are all regions' of one country.
    {"En Chiapas hay 1,245 casos. Los estados m\u00e1s afectados son Guerrero, Jalisco, Morelos y "
     "Veracruz.",
     "Veracruz", "MX", "MX-VER", kSub, kName},
    // The names of a list that a plural division noun closes are divisions of that kind,
    // each written without its noun, though a town elsewhere has the name ("Dawson").
    {"Texas counted 223 cases, most in Gaines (174), Terry (21) and Dawson (9) counties.", "Dawson",
     "US", "US-TX", kOther, kDivision},
    {"Measles spread to Lubbock and Lynn counties, Texas officials said.", "Lynn", "US", "US-TX",
     kOther, kDivision},
    // So are the rows of a table of divisions, each name before its figure.
    {"Oklahoma counted 41 cases.\nCases by county:\nBeckham: 30\nWashita: 11", "Washita", "US",
     "US-OK", kOther, kDivision},
    // A division's name that no town of the text's country has ("Quillan" is French).
    {"Washington state counted 40 cases, 5 of them in Quillan County.", "Quillan County", "US",
     "US-WA", kOther, kDivision},
    // A county's name that is also a region's abroad ("Pasco", a region of Peru), in a text
    // that names another country: a county of that country.
    {"Florida confirmed a locally acquired dengue case in Pasco County on Friday.", "Pasco County",
     "US", "US-FL", kOther, kDivision},
    // So is a regional municipality named like a region abroad ("Peel" of the Isle of Man).
    {"Ontario reported 1,200 new cases, with 300 in Peel Region.", "Peel Region", "CA", "CA-ON",
     kOther, kDivision},
    // ... and one named after a town abroad ("York", England), where the text never names
    // that town's country.
    {"Ontario reported 987 new cases on Monday, 45 of them in York Region.", "York Region", "CA",
     "CA-ON", kOther, kDivision},
    // Where it does name it, the town is meant: people come from there as often as not.
    {"Beni and Butembo reported 12 cases; two patients had come from Kasese district in "
     "Uganda.",
     "Kasese", "UG", "UG-W", kCity, kName},
    // Most of the text's places decide, not one town abroad among them ("Rio Grande" is
    // also a town of Mexico, whose state Hidalgo is).
    {"Hidalgo County counted 14 deaths among residents of Edinburg, McAllen and Weslaco, "
     "and the Rio Grande Valley remains a hot spot.",
     "Hidalgo County", "US", "US-TX", kOther, kDivision},
    // ... nor an island state abroad ("Victoria" is Australia's).
    {"California health officials said Victoria County reported two measles cases.",
     "Victoria County", "US", "US-CA", kOther, kDivision},
    // A name that ends on a place noun is also the name before it with its noun: Ghana's
    // "Western" region, not Uganda's "Western Region".
    {"Ghana recorded 120 new cases; the Western Region reported 45 of them.", "Western Region",
     "GH", "GH-WP", kSub, kName},
    // A county named like another region of the text's country is a county of the region
    // the text names ("Washington County" beside Oregon is no state).
    {"A house cat in Washington County died of bird flu, the Oregon Department of Agriculture "
     "said.",
     "Washington County", "US", "US-OR", kOther, kDivision},
    // ... but where that country's regions are named with the same noun, counties are its
    // regions.
    {"Liberia: Montserrado County and Nimba County reported new Lassa fever cases.", "Nimba County",
     "LR", "LR-NI", kSub, kName},
    // A county that is a region of the country the text names keeps its region.
    {"Liberia's health ministry is investigating suspected Lassa cases in Nimba County, near the "
     "border with Guinea.",
     "Nimba County", "LR", "LR-NI", kSub, kName},

    // A region two countries have, in the one the text names most.
    {"Gujarat, Rajasthan and Haryana report cases, and Punjab too; its districts border "
     "Pakistan.",
     "Punjab", "IN", "IN-PB", kSub, kName},
    // The same in a text that names many countries, or many regions: their codes are
    // then asked of a set, not one by one.
    {"Cases rose in France, Germany, Italy, Spain, Portugal, Belgium, Austria, Poland, "
     "Sweden, Norway, Denmark, Finland, Ireland, Greece, Hungary, Romania and Bulgaria. "
     "Gujarat, Rajasthan and Haryana report cases, and Punjab too; its districts border "
     "Pakistan.",
     "Punjab", "IN", "IN-PB", kSub, kName},
    {"Kerala, Karnataka, Goa, Bihar, Assam, Odisha, Tripura, Manipur, Mizoram, Nagaland, "
     "Sikkim, Meghalaya, Jharkhand, Chhattisgarh, Uttarakhand, Telangana, Gujarat, Rajasthan "
     "and Haryana report cases, and Punjab too; its districts border Pakistan.",
     "Punjab", "IN", "IN-PB", kSub, kName},

    // ISO 3166-2's lower level (divisions.tsv), in the first-level unit the tables give it,
    // where the text names its country or a region of it.
    {"Officials in England confirmed 14 measles cases in Kent.", "Kent", "GB", "GB-ENG", kOther,
     kName},
    {"En France, neuf cas de dengue dans l'H\u00e9rault.", "H\u00e9rault", "FR", "FR-OCC", kOther,
     kName},
    {"L'ARS Occitanie a recens\u00e9 neuf cas dans le Gard.", "Gard", "FR", "FR-OCC", kOther,
     kName},
    {"Dengue cases in Pampanga, Philippines, rose.", "Pampanga", "PH", "PH-03", kOther, kName},
    {"Bird flu was found on a farm near Norfolk, England, on Monday.", "Norfolk", "GB", "GB-ENG",
     kOther, kName},
    {"Measles cases rose in Pampanga this year.", "Pampanga", "PH", "PH-03", kOther, kName},
    // English news drops the apostrophe inside an Arabic name ("Ta'if").
    {"Two MERS deaths were reported in Taif on Sunday.", "Taif", "SA", "SA-02", kCity, kName},
    // Australia's news names its capital territory by its initials.
    {"Victoria reported 246 new cases and the ACT 13.", "the ACT", "AU", "AU-ACT", kSub, kAlias},
    // (The country named first is not outvoted by the county's name, though every city of
    // the name lies in one other country.)
    {"Britain confirmed bird flu on a duck farm in Norfolk on Monday.", "Norfolk", "GB", "GB-ENG",
     kOther, kName},
    {"Virginia health officials confirmed 12 measles cases in Norfolk.", "Norfolk", "US", "US-VA",
     kCity, kName},
    {"Como reported two more cases, officials in Lombardy said.", "Como", "IT", "IT-25", kCity,
     kName},
    {"One baby remains in intensive care at University Hospital Limerick, Ireland.", "Limerick",
     "IE", "IE-M", kCity, kName},
    // A word of six capitals or more that names a country or a region.
    {"\u2022 CALABARZON \u2013 2,104", "CALABARZON", "PH", "PH-40", kSub, kName},
    // A country's name that a unit of its own shares is the country's, unless a noun asks
    // for the unit.
    {"El Estado de M\u00e9xico notific\u00f3 114 casos; en todo M\u00e9xico hay 1.581.",
     "M\u00e9xico", "MX", "", kCountry, kName},
    {"El Estado de M\u00e9xico notific\u00f3 114 casos.", "Estado de M\u00e9xico", "MX", "MX-MEX",
     kSub, kAlias},
    // A division's name alone says where the text is ("Pampanga" is only a province).
    {"SAN LUIS, Pampanga -- Bird flu hit a farm in San Luis town.", "San Luis", "PH", "PH-03",
     kCity, kName},
    // A district named in a text that names no country lies in the one country whose
    // divisions have its name, though towns elsewhere share it; where the text names a
    // region, a county of the same name there is none of another country's.
    {"Kyotera District officials confirmed 13 anthrax cases.", "Kyotera", "UG", "UG-C", kOther,
     kName},
    {"Michigan counted 61 cases in Kent County on Friday.", "Kent County", "US", "US-MI", kOther,
     kDivision},
    // A name of compass words and a place noun is the region of the text's country, not
    // a more populous one elsewhere.
    {"Fiji counted 8 dengue cases in the Western Division.", "Western Division", "FJ", "FJ-W", kSub,
     kName},
    // A compass word that is a stop name is a region before a figure, in a breakdown of a
    // country that has a region of that name.
    {"Zambia counted 341 cases in Copperbelt, Southern 177 and Central 126.", "Southern", "ZM",
     "ZM-07", kSub, kName},
    // So is one after an article that no other word follows ("dans le Centre, 57 cas").
    {"Au Cameroun, dans le Littoral, on d\u00e9nombre 497 cas.", "Littoral", "CM", "CM-LT", kSub,
     kName},
    // A first word set in capitals by a page's style is the name's word; capitals that
    // are a name keep them.
    {"PAPUA New Guinea has recorded 12 new cases.", "PAPUA New Guinea", "PG", "", kCountry, kName},
    {"NEW Zealand recorded 3 new cases.", "NEW Zealand", "NZ", "", kCountry, kName},
    // "St" and "St." spell "Saint"; a name so written of a place of its own is that place
    // whatever other places its spelling names: they are its readings of last resort.
    {"Jamaica counted 40 new cases in St Catherine.", "St Catherine", "JM", "JM-14", kSub, kName},
    {"Elgin County and St. Thomas reported cases; London had two.", "London", "CA", "CA-ON", kCity,
     kName},
    // A unit of the text named by a small namesake elsewhere does not make a city there
    // of a province fifty times its size: "Lennox" names a Californian town only.
    {"In Canada, eastern Ontario, with Lennox and Addington, counted 40 cases.", "Ontario", "CA",
     "CA-ON", kSub, kName},
    // After a county, "Washington" is the state, not the capital its alias names.
    {"Measles spread in Carbon County, Washington, this winter.", "Washington", "US", "US-WA", kSub,
     kName},
    // Longer keys from a word the index knows only as the start of longer names: with
    // accents the tables lack, and with a hyphen where they have a space.
    {"Sao Tom\u00e9 and Pr\u00edncipe reported no cases.", "Sao Tom\u00e9 and Pr\u00edncipe", "ST",
     "", kCountry, kName},
    {"Clinics in Auvergne-Rh\u00f4ne Alpes counted 12 cases.", "Auvergne-Rh\u00f4ne Alpes", "FR",
     "FR-ARA", kSub, kName},
    {"A Sao Tome and Principe team arrived.", "Sao Tome and Principe", "ST", "", kCountry, kName},
    // News abbreviations of states and provinces, with their period.
    {"Five people in Portland, Ore., have been diagnosed.", "Ore.", "US", "US-OR", kSub, kAlias},
    {"KINGSTON, Ont. \u2014 The hospital reported cases.", "Ont.", "CA", "CA-ON", kSub, kAlias},
    // A city's health body names the city.
    {"Toronto Public Health confirmed 12 new measles cases.", "Toronto", "CA", "CA-ON", kCity,
     kName},
    // A division's noun and "of" before a name ask for the division.
    {"En RDC, la province de l'\u00c9quateur a notifi\u00e9 12 cas.", "\u00c9quateur", "CD",
     "CD-EQ", kSub, kName},
    {"A boy died of anthrax in the Yamal-Nenets region.", "Yamal-Nenets", "RU", "RU-YAN", kSub,
     kAlias},
    // A dateline in capitals opening a line.
    {"SACRAMENTO \u2014 A child has measles.", "SACRAMENTO", "US", "US-CA", kCity, kName},
    // A hyphenated name in capitals is written with a capital after the hyphen.
    {"NUR-SULTAN. KAZINFORM \u2013 Six people tested positive.", "NUR-SULTAN", "KZ", "KZ-71", kSub,
     kName},
    // A town of a country the text names no region of is still read: its people came
    // from the country named, or the text names no region at all.
    {"Tulun counted five measles cases in children back from Kazakhstan.", "Tulun", "RU", "RU-IRK",
     kCity, kName},
    {"Kent reported five measles cases in travellers back from India.", "Kent", "US", "US-WA",
     kCity, kName},
    // A small town of another region than the one the text names, where the text names its
    // region too.
    {"Texas counted 36 measles cases; a family from Terry, Mississippi, was among them.", "Terry",
     "US", "US-MS", kCity, kName},
};

// "Rio Grande do Sul counted 72 cases." -> "Rio_Grande_do_Sul_counted_72_cases": the
// sentence, as a test name.
std::string SentenceName(const char* text, size_t index) {
  std::string name;
  for (const char* p = text; *p != '\0' && name.size() < 60; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (std::isalnum(c)) {
      name.push_back(static_cast<char>(c));
    } else if (!name.empty() && name.back() != '_') {
      name.push_back('_');
    }
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name + "_" + std::to_string(index);
}

INSTANTIATE_TEST_SUITE_P(Sentences, FindPlacesFinds, testing::ValuesIn(kFoundCases),
                         [](const testing::TestParamInfo<FoundCase>& param) {
                           return SentenceName(param.param.text, param.index);
                         });

struct AbsentCase {
  const char* text;
  const char* word;  // must not be (part of) any mention
};

void PrintTo(const AbsentCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class FindPlacesIgnores : public testing::TestWithParam<AbsentCase> {};

TEST_P(FindPlacesIgnores, CommonWordsThatAreAlsoPlaceNames) {
  ExpectNoMentionOf(GetParam().text, GetParam().word);
}

const AbsentCase kAbsentCases[] = {
    {"May saw fewer cases than April.", "May"},
    // A region abroad that ends a name is no place of a text about elsewhere: a surname.
    {"La maire de Paris, Anne Hidalgo, a fait fermer les parcs.", "Hidalgo"},
    {"El presidente de la República pidió calma.", "República"},
    {"El Ministerio de Salud y Protección Social informó 40 casos.", "Protección"},
    {"Cases fell in May and June.", "May"},
    {"Reading the report, officials saw the trend.", "Reading"},
    {"Police said the market would close.", "Police"},
    {"Most patients recovered within a week.", "Most"},
    {"Nice weather drew crowds to the beaches.", "Nice"},
    // (Ha'il written without its apostrophe, as its cities' names now are also read.)
    {"Hail damaged the crops before the outbreak spread.", "Hail"},
    {"Mobile clinics toured the villages.", "Mobile"},
    {"Sale of alcohol was banned.", "Sale"},
    {"Federal officials declined to comment.", "Federal"},
    {"Figures for the week of March 3 were revised.", "March"},
    {"the team met on Monday to review cases.", "Monday"},
    {"Cases of Lassa fever rose in the south.", "Lassa"},
    // A division no table knows, in a text whose places lie in several countries.
    {"Zorbaville County reported three cases; Kenya and Uganda reported more.", "Zorbaville"},
    // The end of a hyphenated name the tables lack is no place of another country.
    {"Miami-Dade County in Florida has 65,000 cases.", "Dade"},
    {"The Centre for Health Protection reported 12 cases.", "Centre"},
    {"BEIJING, June 12 (Xinhua) -- China reported 5 cases.", "Xinhua"},
    {"A Marburg virus case was confirmed.", "Marburg"},
    {"Nancy Pelosi spoke to reporters.", "Nancy"},
    {"President Vladimir Putin signed the decree.", "Vladimir"},
    {"health workers may reach the area today.", "may"},
    {"A dog tested positive in the village of Kampung Mawang near the coast.", "Mawang"},
    {"Eight Rapid Response Teams were sent to the district.", "Rapid"},
    {"An outbreak of Salmonella Newport sickened 40 people.", "Newport"},
    {"The Health District said cases rose in the north of Kenya.", "Health"},
    // A town the tables know only elsewhere than the region named after it is none.
    {"Bird flu was found on a farm near Springfield, England, on Monday.", "Springfield"},
    {"Cranes died at the Hula Valley reserve in northern Israel.", "Valley"},
    // Capitals elsewhere than a dateline are a name of their own.
    {"Officials from PARIS and the WHO met.", "PARIS"},
    // A text that names a region of its country does not go abroad for a town.
    {"Officials in England confirmed 14 measles cases in Lakewood.", "Lakewood"},
    // Not a short acronym, nor a town, in capitals.
    {"UNICEF and the WHO sent teams to the district.", "UNICEF"},
    // A town that ends a longer name is none ("Cathay Pacific"), even where the text names
    // its country.
    {"Flights from the United States resumed; two Cathay Pacific aircrew tested positive.",
     "Pacific"},
    // A word that opens a sentence and that the text also writes in lower case.
    {"Como medida de control, se cerraron las playas, como en 2022.", "Como"},
    // Compass words name a region of the text's own country.
    {"Across the North West, 104 cases were notified, officials in England said.", "North West"},
    // So where the text names a country and no region ("dans le Sud" of La Réunion is none
    // of Haiti's departments).
    {"Dengue \u00e0 La R\u00e9union : 120 cas dans le Sud cette semaine.", "Sud"},
    // Nor, before a figure, where the text names no country that has one of its name.
    {"Southern 177 schools and Central 12 colleges reported flu cases.", "Southern"},
    // An article before a division noun names no division of its own.
    {"Le district sanitaire de Dungass a notifi\u00e9 451 cas au Niger.", "district"},
    // Nor after an article where a word follows: a name's word ("le Centre de sant\u00e9").
    {"Au Cameroun, le Centre de sant\u00e9 de Bafia a re\u00e7u 12 malades.", "Centre"},
    // Nor is one that ends an unknown name a region of a country the text is not about.
    {"Ghana's Upper West Region counted 233 cases, 79 of them in Sissala East Municipality.",
     "East"},
    // Nor is a small town of another region of a country whose region the text names.
    {"Measles cases by county in Texas: Gaines 174, Terry 36.", "Terry"},
};

INSTANTIATE_TEST_SUITE_P(Sentences, FindPlacesIgnores, testing::ValuesIn(kAbsentCases),
                         [](const testing::TestParamInfo<AbsentCase>& param) {
                           return SentenceName(param.param.text, param.index);
                         });

// Places in Chinese, Russian, French and Spanish news: our own sentences, kept in
// testdata/news_places.tsv and news_not_places.tsv (source files stay ASCII). A case's
// label names its test: the language, then what is checked.
struct NewsCase {
  std::string label;
  std::string text;
  std::string mention;  // the exact text the mention must cover ("word" for the absent ones)
  std::string country;
  std::string subdivision;
  PlaceLevel level = PlaceLevel::kOther;
};

// Failures name the case by its label rather than by its bytes.
void PrintTo(const NewsCase& c, std::ostream* os) { *os << c.label; }

// The rows of a test table (tab-separated, a header line, '#' comments) as cases; the
// columns after text are mention, country, subdivision and level, or just the word.
std::vector<NewsCase> ReadNewsCases(const std::string& file) {
  std::vector<NewsCase> cases;
  std::ifstream in(EPIWIRE_SOURCE_DIR "/src/epiwire/gazetteer/testdata/" + file);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> f;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    f.resize(6);
    NewsCase c{f[0], f[1], f[2], f[3], f[4], PlaceLevel::kOther};
    if (f[5] == "country") c.level = PlaceLevel::kCountry;
    if (f[5] == "subdivision") c.level = PlaceLevel::kSubdivision;
    if (f[5] == "city") c.level = PlaceLevel::kCity;
    cases.push_back(std::move(c));
  }
  return cases;
}

const std::vector<NewsCase>& NewsPlaces() {
  static const std::vector<NewsCase> cases = ReadNewsCases("news_places.tsv");
  return cases;
}

const std::vector<NewsCase>& NewsNotPlaces() {
  static const std::vector<NewsCase> cases = ReadNewsCases("news_not_places.tsv");
  return cases;
}

std::string NewsLabel(const testing::TestParamInfo<NewsCase>& param) { return param.param.label; }

TEST(FindPlacesInNews, TablesAreRead) {
  EXPECT_GE(NewsPlaces().size(), 40u);
  EXPECT_GE(NewsNotPlaces().size(), 10u);
}

class FindPlacesInNews : public testing::TestWithParam<NewsCase> {};

TEST_P(FindPlacesInNews, FindsThePlace) {
  const NewsCase& c = GetParam();
  const std::string_view text = c.text;
  const auto mentions = Shared().FindPlaces(text);
  const PlaceMention* found = nullptr;
  std::string all;
  for (const auto& m : mentions) {
    all += " [" + std::string(Covered(text, m)) + "]";
    if (Covered(text, m) == c.mention) found = &m;
  }
  ASSERT_NE(found, nullptr) << "no mention \"" << c.mention << "\" in: " << c.text
                            << "; found:" << all;
  EXPECT_EQ(found->place.country, c.country) << c.text;
  EXPECT_EQ(found->place.subdivision, c.subdivision) << c.text;
  EXPECT_EQ(found->place.level, c.level) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Languages, FindPlacesInNews, testing::ValuesIn(NewsPlaces()), NewsLabel);

class FindPlacesInNewsIgnores : public testing::TestWithParam<NewsCase> {};

TEST_P(FindPlacesInNewsIgnores, WordsThatHoldOrAreNames) {
  ExpectNoMentionOf(GetParam().text, GetParam().mention);
}

INSTANTIATE_TEST_SUITE_P(Languages, FindPlacesInNewsIgnores, testing::ValuesIn(NewsNotPlaces()),
                         NewsLabel);

TEST(Gazetteer, LookupNamesInOtherScripts) {
  // "Novosibirsk" in Cyrillic, "Suifenhe" in Chinese, "Moskovskaya oblast'" in Cyrillic.
  const auto novosibirsk =
      Shared().Lookup("\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x81\xD0\xB8\xD0\xB1"
                      "\xD0\xB8\xD1\x80\xD1\x81\xD0\xBA");
  ASSERT_TRUE(novosibirsk.has_value());
  EXPECT_EQ(novosibirsk->name, "Novosibirsk");
  const auto suifenhe = Shared().Lookup("\xE7\xBB\xA5\xE8\x8A\xAC\xE6\xB2\xB3");
  ASSERT_TRUE(suifenhe.has_value());
  EXPECT_EQ(suifenhe->name, "Suifenhe");
  const auto oblast = Shared().LookupLevel(
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xBE\xD0\xB2\xD1\x81\xD0\xBA\xD0\xB0\xD1\x8F "
      "\xD0\xBE\xD0\xB1\xD0\xBB\xD0\xB0\xD1\x81\xD1\x82\xD1\x8C",
      "RU", kSub);
  ASSERT_TRUE(oblast.has_value());
  EXPECT_EQ(oblast->subdivision, "RU-MOS");
}

// A unit that is its seat city is named as the city is: a figure of Kyiv is the city's
// and the unit's. Where a region of the country takes the city's name, the unit keeps its
// own ("Minsk City" beside the region "Minsk").
TEST(Gazetteer, AUnitThatIsItsCityIsNamedAsTheCity) {
  const auto kyiv = Shared().LookupLevel("Kyiv City", "UA", kSub);
  ASSERT_TRUE(kyiv.has_value());
  EXPECT_EQ(kyiv->subdivision, "UA-30");
  EXPECT_EQ(kyiv->name, "Kyiv");
  const auto petersburg = Shared().LookupLevel("St.-Petersburg", "RU", kSub);
  ASSERT_TRUE(petersburg.has_value());
  EXPECT_EQ(petersburg->name, "Saint Petersburg");
  const auto minsk = Shared().LookupLevel("Minsk City", "BY", kSub);
  ASSERT_TRUE(minsk.has_value());
  EXPECT_EQ(minsk->subdivision, "BY-HM");
  EXPECT_EQ(minsk->name, "Minsk City");
}

TEST(FindPlaces, MentionsAreOrderedAndDoNotOverlap) {
  const std::string_view text =
      "Chinese officials in Wuhan, Hubei Province, said Beijing and the U.S. would share data "
      "with South Korea and North Korea.";
  const auto mentions = Shared().FindPlaces(text);
  ASSERT_GE(mentions.size(), 7u);
  for (size_t i = 1; i < mentions.size(); ++i) {
    EXPECT_LE(mentions[i - 1].end, mentions[i].start);
  }
  EXPECT_EQ(Covered(text, mentions.back()), "North Korea");
  EXPECT_EQ(mentions.back().place.country, "KP");
}

TEST(FindPlaces, MultiwordDemonymIsOneMention) {
  const std::string_view text = "A North Korean defector described the clinics.";
  const auto mentions = Shared().FindPlaces(text);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(Covered(text, mentions[0]), "North Korean");
  EXPECT_EQ(mentions[0].place.country, "KP");
  EXPECT_EQ(mentions[0].kind, MentionKind::kDemonym);
}

TEST(FindPlaces, PossessiveMentionEndsBeforeTheApostrophe) {
  const std::string_view text = "Japan's prime minister spoke.";
  const auto mentions = Shared().FindPlaces(text);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].start, 0u);
  EXPECT_EQ(mentions[0].end, 5u);
  EXPECT_EQ(mentions[0].place.name, "Japan");
}

// Whether the text writes a sentence's first word in lower case is asked of the whole
// text, however many sentences open on a name: "Como" goes for the "como" at the end, and
// the "Lima" of every other sentence stays.
TEST(FindPlaces, AWordOpeningASentenceThatTheTextWritesInLowerCaseIsNoPlace) {
  std::string text = "Como medida de control, se cerraron las playas.\n";
  for (int i = 0; i < 300; ++i) text += "Lima notifica " + std::to_string(i) + " casos.\n";
  text += "Las playas siguen cerradas, como en 2022.";
  const auto mentions = Shared().FindPlaces(text);
  size_t lima = 0;
  for (const auto& m : mentions) {
    EXPECT_NE(Covered(text, m), "Como");
    lima += Covered(text, m) == "Lima";
  }
  EXPECT_EQ(lima, 300u);
}

TEST(FindPlaces, EmptyAndLowercaseTextFindNothing) {
  EXPECT_TRUE(Shared().FindPlaces("").empty());
  EXPECT_TRUE(Shared().FindPlaces("paris and moscow in lower case").empty());
}

TEST(FindPlaces, CityCarriesCoordinatesAndPopulation) {
  const auto mentions = Shared().FindPlaces("Vladivostok");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_TRUE(mentions[0].place.has_coordinates);
  EXPECT_NEAR(mentions[0].place.lat, 43.1, 0.1);
  EXPECT_NEAR(mentions[0].place.lon, 131.9, 0.1);
  EXPECT_GT(mentions[0].place.population, 500000);
  EXPECT_EQ(mentions[0].place.geonameid, 2013348);
}

// A place is named with the straight apostrophe writers type, where GeoNames has a
// curly one.
TEST(FindPlaces, ANameHasAStraightApostrophe) {
  const auto mentions = Shared().FindPlaces("Diphtheria spread in Cox's Bazar.");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].place.name, "Cox's B\u0101z\u0101r");
}

// MayGoOn must hold every prefix a key goes on from (the matcher would otherwise miss
// the name); keys of every length around the eight bytes it hashes at a time.
TEST(NameIndex, MayGoOnHoldsEveryPrefixThatPunctuationOrASpaceFollows) {
  const std::vector<std::string_view> keys = {
      "La Paz", "U.S.", "Sao Tome and Principe", "Auvergne-Rhone-Alpes", "Cote d'Ivoire",
      "Bosnia and Herzegovina", "Trinidad & Tobago", "Abcdefg h", "Abcdefgh i", "Abcdefghi j",
      "Sao Tom\u00e9 and Principe"};
  NameIndex index;
  index.Reserve(keys.size());
  for (std::string_view key : keys) index.FindOrInsert(key) = 0;
  for (std::string_view key : keys) {
    for (size_t i = 1; i < key.size(); ++i) {
      if (static_cast<unsigned char>(key[i - 1]) >= 0x80) break;
      if (std::string_view(" -.',&").find(key[i]) == std::string_view::npos) continue;
      EXPECT_TRUE(index.MayGoOn(key.substr(0, i))) << "\"" << key.substr(0, i) << "\" of " << key;
    }
  }
  // A bit filter may err towards true; with a dozen keys in 2^21 bits these do not.
  for (std::string_view word : {"Paz", "Sao Tome and Principe", "Sao Tom", "Alpes", "Abcdefgh i",
                                "Cote d'Ivoire", "Bosnia and Herzegovina", "Chad"}) {
    EXPECT_FALSE(index.MayGoOn(word)) << word;
  }
}

// UTF-8 of one code point below U+0800.
std::string TwoByteUtf8(char32_t cp) {
  if (cp < 0x80) return std::string(1, static_cast<char>(cp));
  return {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
}

// The table must give what ICU gives for every Latin-1 character, alone, between
// letters and next to any other.
TEST(FoldNameAccents, FoldsEveryLatin1CharacterAsIcuDoes) {
  for (char32_t first = 0x80; first <= 0xFF; ++first) {
    const std::string one = TwoByteUtf8(first);
    EXPECT_EQ(FoldNameAccents(one), FoldAccents(one)) << static_cast<uint32_t>(first);
    const std::string between = "Ab" + one + "cD";
    EXPECT_EQ(FoldNameAccents(between), FoldAccents(between)) << static_cast<uint32_t>(first);
    for (char32_t second = 0x41; second <= 0xFF; ++second) {
      const std::string pair = one + TwoByteUtf8(second);
      ASSERT_EQ(FoldNameAccents(pair), FoldAccents(pair))
          << static_cast<uint32_t>(first) << " " << static_cast<uint32_t>(second);
    }
  }
  EXPECT_EQ(FoldNameAccents("Bogot\u00e1"), "Bogota");
  EXPECT_EQ(FoldNameAccents("Sao Tom\u00e9 and Pr\u00edncipe"), "Sao Tome and Principe");
  EXPECT_EQ(FoldNameAccents("Hello"), "Hello");
}

TEST(FoldNameAccents, OtherLettersMarksAndBadBytesAreFoldedByIcu) {
  for (std::string_view text : {"\u0141\u00f3d\u017a", "Re\u0301union", "\u00c9vry-\u00cele",
                                "\u0419\u043e\u0448\u043a\u0430\u0440-\u00c9", "\u00c5\u030a",
                                "\u1e9e", "Abc\xC3", "\xC3(", "\xE2\x80\x99s"}) {
    EXPECT_EQ(FoldNameAccents(text), FoldAccents(text)) << text;
  }
}

// Find passes keys through a bit filter first: every key held must pass it, through
// growing, and a key not held is never found, whatever the filter says.
TEST(NameIndex, FindGivesEveryKeyHeldAndNoOther) {
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back("Place " + std::to_string(i));
  NameIndex index;
  index.Reserve(8);  // grows many times
  for (size_t i = 0; i < keys.size(); ++i) index.FindOrInsert(keys[i]) = static_cast<uint32_t>(i);
  for (size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(index.Find(keys[i]), i) << keys[i];
  for (int i = 5000; i < 10000; ++i) {
    EXPECT_EQ(index.Find("Place " + std::to_string(i)), kNoEntry) << i;
  }
  EXPECT_EQ(index.Find(""), kNoEntry);
  EXPECT_EQ(NameIndex().Find("Place 1"), kNoEntry);
}

TEST(NameIndex, MayGoOnIsFalseForAnEmptyIndex) {
  const NameIndex index;
  EXPECT_FALSE(index.MayGoOn("New"));
}

TEST(Gazetteer, CountryByCode) {
  const auto russia = Shared().Country("RU");
  ASSERT_TRUE(russia.has_value());
  EXPECT_EQ(russia->name, "Russia");
  EXPECT_EQ(russia->level, PlaceLevel::kCountry);
  EXPECT_TRUE(russia->subdivision.empty());
  EXPECT_FALSE(Shared().Country("QQ").has_value());
}

TEST(Gazetteer, CapitalOfACountry) {
  const auto capital = Shared().Capital("KE");
  ASSERT_TRUE(capital.has_value());
  EXPECT_EQ(capital->name, "Nairobi");
  EXPECT_EQ(capital->level, PlaceLevel::kCity);
  EXPECT_FALSE(Shared().Capital("QQ").has_value());
}

TEST(Gazetteer, SubdivisionByCode) {
  const auto heilongjiang = Shared().Subdivision("CN-HL");
  ASSERT_TRUE(heilongjiang.has_value());
  EXPECT_EQ(heilongjiang->name, "Heilongjiang");
  EXPECT_EQ(heilongjiang->country, "CN");
  EXPECT_EQ(Shared().Subdivision("CN-LN")->name, "Liaoning");
  EXPECT_FALSE(Shared().Subdivision("CN-ZZ").has_value());
}

TEST(Gazetteer, LookupPrefersContextCountries) {
  const auto paris = Shared().Lookup("Paris");
  ASSERT_TRUE(paris.has_value());
  EXPECT_EQ(paris->country, "FR");
  const auto texan = Shared().Lookup("Paris", {"US"});
  ASSERT_TRUE(texan.has_value());
  EXPECT_EQ(texan->country, "US");
  EXPECT_FALSE(Shared().Lookup("Nowhereville Upon Nothing").has_value());
  EXPECT_GT(Shared().size(), 30000u);
}

// A copy of data/gazetteer in a directory of its own (without small_places.tsv, which
// is optional and makes loading slow under the sanitizers), removed after the test.
class GazetteerSnapshot : public testing::Test {
 protected:
  void SetUp() override {
    const auto name = std::string("epiwire_snapshot_") +
                      testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    for (const auto& entry :
         std::filesystem::directory_iterator(EPIWIRE_SOURCE_DIR "/data/gazetteer")) {
      const std::string file = entry.path().filename().string();
      if (entry.path().extension() == ".tsv" && file != "small_places.tsv") {
        std::filesystem::copy_file(entry.path(), dir_ / file);
      }
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Dir() const { return dir_.string(); }
  std::string Snapshot() const { return SnapshotPath(Dir()); }

  static std::string Bytes(const std::string& path) {
    Result<std::string> bytes = ReadFile(path);
    EXPECT_TRUE(bytes.ok()) << bytes.status().message();
    return bytes.ok() ? bytes.value() : std::string();
  }

 private:
  std::filesystem::path dir_;
};

// Every field of every mention, as one line each.
std::string Described(const Gazetteer& gazetteer, std::string_view text) {
  std::string out;
  for (const PlaceMention& m : gazetteer.FindPlaces(text)) {
    out += std::to_string(m.start) + "-" + std::to_string(m.end) + " " + m.place.name + " " +
           m.place.country + " " + m.place.subdivision + " " +
           std::to_string(static_cast<int>(m.place.level)) + " " +
           std::to_string(m.place.geonameid) + " " + std::to_string(m.place.population) + " " +
           std::to_string(m.place.lat) + " " + std::to_string(m.place.lon) + " " +
           std::to_string(static_cast<int>(m.kind)) + "\n";
  }
  return out;
}

// Texts in each script the tables index, with aliases, demonyms, stop names, divisions
// and ambiguous names.
constexpr const char* kSnapshotTexts[] = {
    "Heilongjiang Province reported 5 cases imported from Russia via Suifenhe; Harbin and "
    "Mudanjiang City are on alert.",
    "The DPRK and the U.K. closed borders; North Korean and Texan officials met in May.",
    "Carbon County, Wyoming, and Sao Paulo, the most populous state, reported measles.",
    "\u9ed1\u9f99\u6c5f\u7701\u54c8\u5c14\u6ee8\u5e02\u65b0\u589e\u75c5\u4f8b",
    "\u0412 \u041c\u043e\u0441\u043a\u043e\u0432\u0441\u043a\u043e\u0439 "
    "\u043e\u0431\u043b\u0430\u0441\u0442\u0438 \u0438 \u041d\u043e\u0432\u043e"
    "\u0441\u0438\u0431\u0438\u0440\u0441\u043a\u0435",
    "Des cas en Bretagne et \u00e0 Bogota, d'Italie et du P\u00e9rou.",
};

TEST_F(GazetteerSnapshot, ReadsBackTablesThatWriteTheSameBytes) {
  GazetteerTables parsed;
  ASSERT_TRUE(LoadTables(Dir(), parsed).ok());
  const std::string stamp = SnapshotStamp(Dir());
  ASSERT_FALSE(stamp.empty());
  ASSERT_TRUE(WriteSnapshot(parsed, stamp, Snapshot()).ok());

  GazetteerTables read;
  ASSERT_TRUE(ReadSnapshot(Snapshot(), stamp, read));
  EXPECT_EQ(read.places.size(), parsed.places.size());
  EXPECT_EQ(read.names.size(), parsed.names.size());
  ASSERT_FALSE(parsed.Readings("Heilongjiang").empty());
  EXPECT_EQ(read.Readings("Heilongjiang").size(), parsed.Readings("Heilongjiang").size());
  // Nothing parsed or copied: the rows and their strings are where the file is mapped.
  EXPECT_TRUE(read.buffers.empty());
  const std::string_view file = read.snapshot.bytes();
  const auto in_file = [&file](const void* p) {
    return std::less_equal<>()(file.data(), p) && std::less<>()(p, file.data() + file.size());
  };
  EXPECT_TRUE(in_file(read.places[0].name.data()));
  EXPECT_TRUE(in_file(read.entries.data()));
  EXPECT_EQ(read.places[0].name, parsed.places[0].name);
  const std::string again = Dir() + "/again.snapshot";
  ASSERT_TRUE(WriteSnapshot(read, stamp, again).ok());
  EXPECT_EQ(Bytes(again), Bytes(Snapshot()));
}

TEST_F(GazetteerSnapshot, LoadWritesOneThatTheNextLoadReadsWithTheSameAnswers) {
  auto parsed = Gazetteer::Load(Dir());
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_TRUE(std::filesystem::exists(Snapshot()));
  GazetteerTables probe;
  EXPECT_TRUE(ReadSnapshot(Snapshot(), SnapshotStamp(Dir()), probe));

  auto mapped = Gazetteer::Load(Dir());
  ASSERT_TRUE(mapped.ok()) << mapped.status().message();
  const Gazetteer& a = *parsed.value();
  const Gazetteer& b = *mapped.value();
  EXPECT_EQ(a.size(), b.size());
  for (const char* text : kSnapshotTexts) {
    EXPECT_FALSE(Described(a, text).empty()) << text;
    EXPECT_EQ(Described(a, text), Described(b, text)) << text;
  }
  EXPECT_EQ(b.Country("RU")->name, a.Country("RU")->name);
  EXPECT_EQ(b.Capital("CN")->name, a.Capital("CN")->name);
  EXPECT_EQ(b.Subdivision("CN-HL")->name, a.Subdivision("CN-HL")->name);
  EXPECT_EQ(b.Lookup("Paris", {"US"})->country, "US");
  EXPECT_EQ(b.LookupLevel("Sao Paulo", "BR", PlaceLevel::kSubdivision)->subdivision, "BR-SP");
}

// China's counties come in small_places.tsv as administrative units (ADM3), named in
// Chinese: they are read as divisions of their province, by their Chinese names only.
TEST_F(GazetteerSnapshot, ChineseCountyIsAUnitOfItsProvinceReadByItsChineseName) {
  std::ofstream(Dir() + "/small_places.tsv")
      << "geonameid\tname\tascii_name\talternative_names\tlat\tlon\tcountry\tsubdivision\t"
         "population\tfeature_code\tnews_names\n"
      << "0\tPudong\t\t\t31.2222\t121.4581\tCN\tCN-SH\t0\tADM3\t\u6d66\u4e1c\u65b0\u533a\n"
      << "0\tFengtai\t\t\t39.8476\t116.2723\tCN\tCN-BJ\t0\tADM3\t\u4e30\u53f0\u533a\n";
  auto loaded = Gazetteer::Load(Dir());
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const Gazetteer& gazetteer = *loaded.value();
  // "河北省报告1例。浦东新区11例、丰台区2例。": a district of another province than the one
  // named first is still read.
  const auto mentions = gazetteer.FindPlaces(
      "\u6cb3\u5317\u7701\u62a5\u544a1\u4f8b\u3002\u6d66\u4e1c\u65b0\u533a11\u4f8b"
      "\u3001\u4e30\u53f0\u533a2\u4f8b\u3002");
  std::vector<std::string> read;
  for (const PlaceMention& m : mentions) {
    read.push_back(m.place.name + " " + m.place.subdivision + " " +
                   std::to_string(static_cast<int>(m.place.level)) + " " +
                   std::to_string(m.place.geonameid));
  }
  const std::string other = std::to_string(static_cast<int>(PlaceLevel::kOther));
  EXPECT_EQ(read, (std::vector<std::string>{
                      "Hebei CN-HE " + std::to_string(static_cast<int>(PlaceLevel::kSubdivision)) +
                          " " + std::to_string(gazetteer.Subdivision("CN-HE")->geonameid),
                      "Pudong CN-SH " + other + " 0", "Fengtai CN-BJ " + other + " 0"}));
  // Its pinyin names other things in English ("the Huangpu River"): no name of it there.
  for (const PlaceMention& m : gazetteer.FindPlaces("Residents in Pudong in China stayed home.")) {
    EXPECT_NE(m.place.name, "Pudong");
  }
}

// A city of a county's rank that the tables of cities lack ("瑞丽市") is a small place,
// read by its pinyin where the text names its country, and not taken for a town abroad
// because the text also names a region of that country.
TEST_F(GazetteerSnapshot, SmallTownOfTheTextsCountryIsReadBesideARegionOfIt) {
  std::ofstream(Dir() + "/small_places.tsv")
      << "geonameid\tname\tascii_name\talternative_names\tlat\tlon\tcountry\tsubdivision\t"
         "population\tfeature_code\tnews_names\n"
      << "0\tRuili\t\t\t24.0128\t97.8517\tCN\tCN-YN\t0\tPPLA3\t\u745e\u4e3d\u5e02\n";
  auto loaded = Gazetteer::Load(Dir());
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const Gazetteer& gazetteer = *loaded.value();
  const auto names = [&](std::string_view text) {
    std::vector<std::string> read;
    for (const PlaceMention& m : gazetteer.FindPlaces(text)) read.push_back(m.place.name);
    return read;
  };
  EXPECT_EQ(names("China is on alert. Ruili, Yunnan, found three cases."),
            (std::vector<std::string>{"China", "Ruili", "Yunnan"}));
  EXPECT_EQ(names("Ruili in Yunnan province found three cases."),
            (std::vector<std::string>{"Ruili", "Yunnan"}));
  // Without its country named, the small place is not read.
  EXPECT_EQ(names("Ruili found three cases."), std::vector<std::string>{});
}

TEST_F(GazetteerSnapshot, ChangedTableMakesItStaleAndTheTablesAreReadAgain) {
  const std::string text = "Cases rose in Harbin.";
  auto before = Gazetteer::Load(Dir());
  ASSERT_TRUE(before.ok());
  ASSERT_NE(Described(*before.value(), text).find("Harbin"), std::string::npos);
  const std::string old_stamp = SnapshotStamp(Dir());

  std::ofstream(Dir() + "/stopnames.tsv", std::ios::app) << "Harbin\n";
  EXPECT_NE(SnapshotStamp(Dir()), old_stamp);
  GazetteerTables stale;
  EXPECT_FALSE(ReadSnapshot(Snapshot(), SnapshotStamp(Dir()), stale));
  auto after = Gazetteer::Load(Dir());  // reads the tables, writes a new snapshot
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(Described(*after.value(), text), "");
  auto mapped = Gazetteer::Load(Dir());
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(Described(*mapped.value(), text), "");
}

TEST_F(GazetteerSnapshot, DamagedOrForeignSnapshotIsNotRead) {
  auto first = Gazetteer::Load(Dir());
  ASSERT_TRUE(first.ok());
  const std::string stamp = SnapshotStamp(Dir());
  const std::string whole = Bytes(Snapshot());
  ASSERT_GT(whole.size(), 1000u);

  GazetteerTables tables;
  EXPECT_FALSE(ReadSnapshot(Snapshot(), stamp + "other code\n", tables));
  EXPECT_EQ(tables.places.size(), 0u);
  const std::string cut = Dir() + "/cut.snapshot";
  for (const size_t size : {size_t{0}, size_t{10}, size_t{100}, whole.size() / 3,
                            whole.size() / 2, whole.size() - 20, whole.size() - 1}) {
    ASSERT_TRUE(WriteFileAtomically(cut, std::string_view(whole).substr(0, size)).ok());
    GazetteerTables partial;
    EXPECT_FALSE(ReadSnapshot(cut, stamp, partial)) << size << " of " << whole.size() << " bytes";
    EXPECT_TRUE(partial.places.size() == 0 && partial.entries.empty()) << size << " bytes";
  }
  ASSERT_TRUE(WriteFileAtomically(cut, whole + "x").ok());
  EXPECT_FALSE(ReadSnapshot(cut, stamp, tables)) << "a byte after the end";

  // Loading over a damaged snapshot reads the tables and gives the same answers.
  ASSERT_TRUE(WriteFileAtomically(Snapshot(), whole.substr(0, whole.size() / 2)).ok());
  auto second = Gazetteer::Load(Dir());
  ASSERT_TRUE(second.ok()) << second.status().message();
  for (const char* text : kSnapshotTexts) {
    EXPECT_EQ(Described(*first.value(), text), Described(*second.value(), text)) << text;
  }
}

TEST(GazetteerLoad, MissingDirectoryNamesThePath) {
  const std::string dir = "/nonexistent/epiwire/gazetteer";
  auto loaded = Gazetteer::Load(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kNotFound);
  EXPECT_NE(loaded.status().message().find(dir), std::string::npos);
}

TEST(GazetteerLoad, MalformedLineNamesFileAndLine) {
  const auto dir = std::filesystem::temp_directory_path() / "epiwire_gazetteer_bad_table";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "countries.tsv") << "iso2\tname\tgeonameid\tlat\tlon\tpopulation\talts\n"
                                       << "RU\tRussia\t2017370\t55.75\t37.61\t144000000\t\n"
                                       << "XX\tBroken\n";
  auto loaded = Gazetteer::Load(dir.string());
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(loaded.status().message().find("countries.tsv:3"), std::string::npos)
      << loaded.status().message();
}

TEST(GazetteerLoad, LoadsAllTablesAndReportsTime) {
  const auto begin = std::chrono::steady_clock::now();
  auto loaded = Gazetteer::Load(EPIWIRE_SOURCE_DIR "/data/gazetteer");
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - begin);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  std::printf("gazetteer load: %lld ms, %zu names\n", static_cast<long long>(elapsed.count()),
              loaded.value()->size());
  // Generous: debug builds with sanitizers are many times slower than release.
  EXPECT_LT(elapsed.count(), 5000);
}

}  // namespace
}  // namespace epiwire::gazetteer
