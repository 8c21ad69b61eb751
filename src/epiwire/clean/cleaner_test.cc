// SPDX-License-Identifier: MIT
// Tests of the clean stage: boilerplate, duplicates, glued tails, stories and
// relevance, on made-up pages, plus the gold keep/drop snippets of the shared
// dev corpus when it is present.
#include "epiwire/clean/cleaner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "epiwire/clean/lexicon.h"
#include "epiwire/clean/line_rules.h"
#include "epiwire/clean/relevance.h"
#include "epiwire/clean/text_fold.h"

namespace epiwire::clean {
namespace {

// A two-paragraph article on an outbreak, reused as the content around boilerplate.
const char kLede[] =
    "Health officials in the northern province confirmed 42 new cases of cholera on "
    "Tuesday, bringing the total since the outbreak began last month to 310.";
const char kSecond[] =
    "The provincial health ministry said 12 patients remained in hospital and that "
    "vaccination teams had reached three of the worst-hit districts.";
const char kThird[] =
    "Officials urged residents to boil drinking water and report symptoms early, and "
    "said the infection rate had slowed in the past week.";

std::string Join(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

// True when [start, end) lies inside one removed range.
bool InsideRemoved(const CleanResult& result, size_t start, size_t end) {
  for (const RemovedRange& range : result.removed) {
    if (range.start <= start && end <= range.end) return true;
  }
  return false;
}

// True when [start, end) touches no removed range.
bool OutsideRemoved(const CleanResult& result, size_t start, size_t end) {
  for (const RemovedRange& range : result.removed) {
    if (start < range.end && range.start < end) return false;
  }
  return true;
}

bool LineRemoved(const std::string& text, const CleanResult& result, const std::string& line) {
  size_t at = text.find(line);
  EXPECT_NE(at, std::string::npos) << line;
  return at != std::string::npos && InsideRemoved(result, at, at + line.size());
}

bool LineKept(const std::string& text, const CleanResult& result, const std::string& line) {
  size_t at = text.find(line);
  EXPECT_NE(at, std::string::npos) << line;
  return at != std::string::npos && OutsideRemoved(result, at, at + line.size());
}

std::string StoryText(const std::string& text, const Story& story) {
  return text.substr(story.start, story.end - story.start);
}

TEST(CleanText, EmptyTextHasNoStoriesAndNothingRemoved) {
  CleanResult result = CleanText("");
  EXPECT_TRUE(result.stories.empty());
  EXPECT_TRUE(result.removed.empty());
}

TEST(CleanText, BlankLinesOnlyGiveNothing) {
  CleanResult result = CleanText("\n  \n\t\n");
  EXPECT_TRUE(result.stories.empty());
  EXPECT_TRUE(result.removed.empty());
}

TEST(CleanText, AuthorBoxWithHeadingNameAndBioIsRemoved) {
  std::string text = Join({"About the Author", "Jane Q. Roe",
                           "Jane Q. Roe is a health reporter for The Daily Ledger, covering "
                           "hospitals and public health policy.",
                           kLede, kSecond});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, "About the Author"));
  EXPECT_TRUE(LineRemoved(text, result, "Jane Q. Roe\n"));
  EXPECT_TRUE(LineRemoved(text, result, "Jane Q. Roe is a health reporter"));
  EXPECT_TRUE(LineKept(text, result, kLede));
  ASSERT_EQ(result.stories.size(), 1u);
  EXPECT_EQ(result.stories[0].start, text.find(kLede));
}

// A heading in capitals between paragraphs of one article goes, but the article goes on
// after it; one before a list of links still ends it.
TEST(CleanText, AHeadingInCapitalsBeforeASentenceEndsNoStory) {
  const std::string measure = "The islands will close their borders to cruise ships from Monday.";
  std::string text = Join({kLede, kSecond, "PAPUA NEW GUINEA", measure});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, "PAPUA NEW GUINEA"));
  EXPECT_TRUE(LineKept(text, result, measure));
  EXPECT_EQ(result.stories.size(), 1u);
  std::string links = Join({kLede, kSecond, "MORE FROM THE HERALD",
                            "Wool market lifts on strong demand from abroad",
                            "Heavy steer prices hold despite a wet week"});
  CleanResult linked = CleanText(links);
  EXPECT_TRUE(LineRemoved(links, linked, "MORE FROM THE HERALD"));
  ASSERT_FALSE(linked.stories.empty());
  EXPECT_LE(linked.stories[0].end, links.find("MORE FROM"));
}

// A heading that names the section of its links ("More from Health") opens a list of
// links as the bare phrase does: the headlines after it and their dates go with it.
TEST(CleanText, HeadingNamingItsSectionOpensALinkList) {
  const std::vector<std::string> kItems = {"Ferry fares rise for the summer season", "Aug 12, 2024",
                                           "Salmonella outbreak linked to melons sickens 90",
                                           "Aug 10, 2024"};
  std::vector<std::string> lines = {kLede, kSecond, "More from Health"};
  lines.insert(lines.end(), kItems.begin(), kItems.end());
  const std::string text = Join(lines);
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, "More from Health"));
  for (const std::string& item : kItems) EXPECT_TRUE(LineRemoved(text, result, item)) << item;
  EXPECT_TRUE(LineKept(text, result, kSecond));
}

TEST(CleanText, BrowserWarningIsRemoved) {
  std::string warning =
      "Safari 9 is not compatible with this website. Please upgrade your browser to continue.";
  std::string text = Join({kLede, kSecond, warning});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, warning));
  EXPECT_TRUE(LineKept(text, result, kSecond));
}

TEST(CleanText, SignInPromptIsRemoved) {
  std::string text = Join({kLede, "Already a subscriber? Sign in", kSecond});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, "Already a subscriber? Sign in"));
  EXPECT_TRUE(LineKept(text, result, kLede));
  EXPECT_TRUE(LineKept(text, result, kSecond));
}

TEST(CleanText, TypicalBoilerplateLinesAreRemoved) {
  const std::vector<std::string> kBoilerplate = {
      "Don't have an account? Register now",
      "Forgot your password?",
      "Subscribe to our newsletter for the latest updates",
      "Sign up for our free daily briefing and newsletter",
      "We use cookies to give you the best experience. By continuing to browse you agree.",
      "Please enable JavaScript to view the comments.",
      "Share this article",
      "Follow us on Twitter and Facebook",
      "Advertisement",
      "Read more",
      "Related stories",
      "Copyright 2020 The Daily Ledger. All rights reserved.",
      "Click here to read the full report",
      "Log in",
      "Learn MoreEnter your email address below",
      "Sharing is caring!",
      "Social Sharing",
      "Editor: Maria Lopez",
      "Tags: measles, vaccination, schools",
      "Join our Telegram channel for the latest news",
      "Listen duration 3\u2032 12\u2033",
      "Why you can trust the Daily Ledger",
      "\u00a9 2021 The Daily Ledger",
      "Correction: An earlier version of this article gave the wrong figure.",
      "READ NEXT: Hospital cluster grows to nine, officials say",
      "Don't miss: Ferry timetable changes for the long weekend",
      "MORE: Mayor opens new library wing downtown",
      "Valley Public Radio is listener-supported. Donate today.",
      "Get the latest county news sent straight to your inbox every morning.",
      "Is this page useful? Yes No",
      "Disclaimer: Comments below are the views of their writers.",
      "Write to the health desk. Follow her on Twitter @HealthDeskLedger.",
      "(END)",
      "bur/jmk/dl",
      "ach-tw/",
      "By Xinhua writers Wang Lin and Chen Yu",
  };
  for (const std::string& line : kBoilerplate) {
    std::string text = Join({kLede, line, kSecond});
    CleanResult result = CleanText(text);
    EXPECT_TRUE(LineRemoved(text, result, line)) << line;
    EXPECT_TRUE(LineKept(text, result, kLede)) << line;
    EXPECT_TRUE(LineKept(text, result, kSecond)) << line;
  }
}

TEST(CleanText, BoilerplateOfPagesInOtherLanguagesIsRemoved) {
  const std::vector<std::string> kBoilerplate = {
      "标签: 本地新闻",
      "京ICP备12345678号-2",
      "关键词",
      "Actualizado:",
      "Lire aussi : les chiffres de la semaine",
      "Читайте также",
      "Partager sur Facebook Partager sur Twitter",
      "Поделиться ВКонтакте Одноклассники",
      "【打印本页】【关闭窗口】",
      "Etiquetas: dengue, salud",
      "Le puede interesar: el pron\u00f3stico del tiempo para el fin de semana",
      "Mir\u00e1 tambi\u00e9n: los feriados largos del a\u00f1o",
      "\u76f8\u5173\u9605\u8bfb\uff1a\u672c\u5e02\u65b0\u5efa\u4e24\u5ea7\u516c\u56ed",
      "\u0421\u0441\u044b\u043b\u043a\u0430 \u043d\u0430 \u0441\u0442\u0430\u0442\u044c\u044e "
      "\u043e\u0431\u044f\u0437\u0430\u0442\u0435\u043b\u044c\u043d\u0430.",
      "Partagez : Facebook Twitter",
      "S\u00edguenos en Google News",
      "Publicit\u00e9",
      "\u3010\u8d23\u4efb\u7f16\u8f91\uff1a\u5f20\u654f\u3011",
      "\u3010\u7ea0\u9519\u3011\u3000\u3010\u6253\u5370\u3011",
      "\u4e0b\u4e00\u7bc7\uff1a\u7701\u5185\u4eca\u5e74\u9996\u6279\u5e02\u573a\u5f00\u4e1a",
      "\u53d1\u5e03\u65f6\u95f4\uff1a2021-05-02\u3000\u5b57\u53f7\uff1a\u5927 \u4e2d \u5c0f",
      "\u041f\u043e\u0434\u0435\u043b\u0438\u0442\u044c\u0441\u044f: Telegram \u00b7 WhatsApp",
      "\u041a\u043e\u043c\u043c\u0435\u043d\u0442\u0430\u0440\u0438\u0438 (3)",
      "\u0424\u043e\u0442\u043e: "
      "\u043f\u0440\u0435\u0441\u0441-\u0441\u043b\u0443\u0436\u0431\u0430",
      "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 "
      "\u043f\u0430\u0440\u0442\u043d\u0451\u0440\u043e\u0432",
      "Comentarios (4)",
      "Comparte esta nota",
      "Commentaires (7)",
      "Articles li\u00e9s",
      "Facebook X Mail",
  };
  for (const std::string& line : kBoilerplate) {
    std::string text = Join({kLede, line, kSecond});
    CleanResult result = CleanText(text);
    EXPECT_TRUE(LineRemoved(text, result, line)) << line;
    EXPECT_TRUE(LineKept(text, result, kLede)) << line;
  }
}

TEST(CleanText, PageFurnitureIsRemovedByItsShape) {
  const std::vector<std::string> kFurniture = {
      "World | Health | Science | Contact us",
      "Home \xC2\xBB Health \xC2\xBB Asia",
      "Priya Menon 3 minutes ago Wed 4th March 2020 | 09:12 AM",
      "08:45, 12 March 2021 | GMT +5",
      "4 min read",
      "NATIONAL BROADCASTING CORPORATION OF THE ISLANDS",
      "NewsroomPoliticsBusinessHealth WorldOpinion",
      "...covering the coast since 1921",
  };
  for (const std::string& line : kFurniture) {
    std::string text = Join({kLede, line, kSecond});
    CleanResult result = CleanText(text);
    EXPECT_TRUE(LineRemoved(text, result, line)) << line;
    EXPECT_TRUE(LineKept(text, result, kLede)) << line;
  }
}

TEST(CleanText, BylinesImageCreditsAndCaptionsWithPhotoCreditsAreRemoved) {
  const std::vector<std::string> kCredits = {
      "By Maria Lopez, The Coastal Herald",
      "Clinic entrance /WHO",
      "Nurses line up outside the district hospital on Monday, March 2. (Ana Ruiz/Getty Images)",
      "A ward at the provincial clinic. (Photo: health ministry)",
  };
  for (const std::string& line : kCredits) {
    std::string text = Join({kLede, line, kSecond});
    CleanResult result = CleanText(text);
    EXPECT_TRUE(LineRemoved(text, result, line)) << line;
    EXPECT_EQ(result.stories.size(), 1u) << line;
  }
}

TEST(CleanText, AVideoTitleGoesWithItsPlayer) {
  const std::string title = "Clinic queues grow as fever spreads";
  std::string text = Join({title, kLede, title + " 02:31", kSecond});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(InsideRemoved(result, 0, title.size()));
  EXPECT_TRUE(LineRemoved(text, result, title + " 02:31"));
  EXPECT_TRUE(LineKept(text, result, kLede));
}

// Only a title shown before its player goes with it; the same words after it stay.
TEST(CleanText, ATitleAfterItsVideoLineIsKept) {
  const std::string title = "Clinic queues grow as fever spreads";
  std::string text = Join({kLede, title + " 02:31", kSecond, title, kThird});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, title + " 02:31"));
  const size_t at = text.rfind(title + "\n");
  EXPECT_TRUE(OutsideRemoved(result, at, at + title.size()));
}

TEST(CleanText, APromotedLastSentenceIsCutFromItsParagraph) {
  const std::string promo = "See the full list of this week's picks here >>>>";
  std::string text = Join({kLede, std::string(kSecond) + " " + promo});
  CleanResult result = CleanText(text);
  const size_t at = text.find(promo);
  EXPECT_TRUE(InsideRemoved(result, at, at + promo.size()));
  EXPECT_TRUE(LineKept(text, result, kSecond));
}

TEST(CleanText, HeaderLinesAtTheTopOfThePageGoWithTheFurnitureAfterThem) {
  const std::string header = "Valley Post Online Edition";
  std::string text = Join({header, "Front page | Sport | Weather", kLede, kSecond});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, header));
  EXPECT_TRUE(LineKept(text, result, kLede));
}

// A headline in another script is in lower case too: only capitals make a site header.
TEST(CleanText, AHeadlineInCyrillicIsNoSiteHeaderInCapitals) {
  const std::string headline =
      "\u0412 \u0420\u043e\u0441\u0442\u043e\u0432\u0435 "
      "\u0432\u044b\u044f\u0432\u0438\u043b\u0438 "
      "\u0445\u043e\u043b\u0435\u0440\u0443";  // a cholera case found
  const std::string capitals =
      "\u041d\u041e\u0412\u041e\u0421\u0422\u0418 "
      "\u0420\u0415\u0413\u0418\u041e\u041d\u0410 "
      "\u0421\u0415\u0413\u041e\u0414\u041d\u042f";  // site header
  EXPECT_EQ(ClassifyLine(headline).line_class, LineClass::kContent);
  EXPECT_EQ(ClassifyLine(capitals).line_class, LineClass::kBoilerplate);
  // A line of tags is furniture in any script; one tag opening a sentence is not.
  EXPECT_EQ(ClassifyLine("#\u0422\u0440\u0430\u043d\u0441\u043f\u043e\u0440\u0442 "
                         "#\u0420\u043e\u0441\u0441\u0438\u044f")
                .line_class,
            LineClass::kBoilerplate);
  EXPECT_EQ(ClassifyLine("#health #outbreak #measles").line_class, LineClass::kBoilerplate);
  EXPECT_EQ(ClassifyLine("#StaySafe campaign reaches the north").line_class, LineClass::kContent);
}

// A heading of related stories opens a list of links in every language read.
TEST(CleanText, RelatedStoriesHeadingsOfTheLanguagesOpenLinkLists) {
  for (const char* heading :
       {"\u0427\u0438\u0442\u0430\u0439\u0442\u0435 \u0442\u0430\u043a\u0436\u0435:",
        "\u63a8\u8350\u9605\u8bfb", "\u00c0 lire aussi", "Lee tambi\u00e9n",
        "Otras noticias:", "Lo m\u00e1s visto", "Dans la m\u00eame rubrique :", "Relacionados",
        "\u66f4\u591a\u65b0\u95fb", "\u731c\u4f60\u559c\u6b22", "M\u00e1s noticias",
        "\u00c0 voir aussi",
        "\u0414\u0440\u0443\u0433\u0438\u0435 \u043d\u043e\u0432\u043e\u0441\u0442\u0438"}) {
    const LineVerdict verdict = ClassifyLine(heading);
    EXPECT_EQ(verdict.line_class, LineClass::kBoilerplate) << heading;
    EXPECT_TRUE(verdict.opens_link_list) << heading;
  }
}

// "相关阅读：" alone on its line heads a list of links, though "相关阅读：" with a headline
// after it is a teaser's lead-in, boilerplate of its own line only.
TEST(CleanText, ChineseRelatedReadingHeadingWithItsColonOpensALinkList) {
  const LineVerdict alone = ClassifyLine("\u76f8\u5173\u9605\u8bfb\uff1a");
  EXPECT_EQ(alone.line_class, LineClass::kBoilerplate);
  EXPECT_TRUE(alone.opens_link_list);
  const LineVerdict teaser = ClassifyLine(
      "\u76f8\u5173\u9605\u8bfb\uff1a\u6df1\u5733\u5e02\u5f00\u5c55\u5168\u5458"
      "\u6838\u9178\u68c0\u6d4b\u5de5\u4f5c\u8fdb\u5c55\u987a\u5229");
  EXPECT_EQ(teaser.line_class, LineClass::kBoilerplate);
  const std::string text =
      Join({"\u5e7f\u4e1c\u7701\u65b0\u589e\u5883\u5916\u8f93"
            "\u5165\u786e\u8bca\u75c5\u4f8b5\u4f8b\u3002",
            "\u76f8\u5173\u9605\u8bfb\uff1a",
            "\u6df1\u5733\u5e02\u5f00\u5c55\u5168\u5458\u6838"
            "\u9178\u68c0\u6d4b"});
  const CleanResult result = CleanText(text);
  ASSERT_FALSE(result.removed.empty());
  EXPECT_EQ(result.removed.back().end, text.size());
}

TEST(CleanText, AdjacentRemovedLinesMakeOneRange) {
  std::string text = Join({kLede, "Share this article", "Follow us on Twitter and Facebook", kSecond});
  CleanResult result = CleanText(text);
  const size_t share = text.find("Share");
  const size_t follow_end = text.find("Facebook") + 8;
  EXPECT_TRUE(InsideRemoved(result, share, follow_end));
}

TEST(CleanText, CreditLinesAreRemoved) {
  const std::vector<std::string> kCredits = {
      "Photo: AFP",
      "Photo by Sam Lee / Getty Images",
      "Image caption A nurse prepares a dose at a clinic",
      "Edited by Ann Smith and Bo Chen",
      "Reporting by Kim Park; Editing by Lee Wong",
      "(Reuters)",
      "Reuters/Sam Lee",
      "Source: provincial health commission",
  };
  for (const std::string& line : kCredits) {
    std::string text = Join({kLede, line, kSecond});
    CleanResult result = CleanText(text);
    EXPECT_TRUE(LineRemoved(text, result, line)) << line;
    // A credit inside an article does not split it.
    EXPECT_EQ(result.stories.size(), 1u) << line;
  }
}

TEST(CleanText, RowsOfATableWrittenWithBarsAreKept) {
  const std::string row = "Cundinamarca | 4.210 | 355";
  std::string text = Join({kLede, "Casos por departamento:", row, "Huila | 1.874 | 98", kSecond});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineKept(text, result, row));
  const std::string menu = "Inicio | Salud | Deportes | Opini\u00f3n";
  text = Join({kLede, menu, kSecond});
  result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, menu));
}

TEST(CleanText, NewsLinesWithPromptWordsAreKept) {
  const std::vector<std::string> kNews = {
      "Residents can sign up for vaccination at any district clinic, the ministry said.",
      "The clinic will register new patients from Monday, officials said on Friday.",
      "Subscribers to the mobile network fell by 5 percent in March, the company said.",
      "The mayor said she would log in to the emergency briefing by video from home.",
  };
  for (const std::string& line : kNews) {
    std::string text = Join({kLede, line, kSecond});
    CleanResult result = CleanText(text);
    EXPECT_TRUE(LineKept(text, result, line)) << line;
  }
}

TEST(CleanText, LongNewsParagraphMentioningSignUpIsKept) {
  std::string paragraph =
      "More than 20,000 people rushed to sign up for vaccination on the first day the "
      "online booking system opened, health officials said, after the outbreak of measles "
      "in the capital spread to four schools and infected 180 children. Officials said "
      "anyone who had trouble to log in could call a hotline instead.";
  std::string text = Join({kLede, paragraph, kSecond});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineKept(text, result, paragraph));
  ASSERT_EQ(result.stories.size(), 1u);
}

TEST(CleanText, RepeatedParagraphIsRemovedAsDuplicateAndFirstKept) {
  std::string text = Join({kLede, kSecond, kThird, kLede});
  CleanResult result = CleanText(text);
  size_t first = text.find(kLede);
  size_t second = text.find(kLede, first + 1);
  ASSERT_NE(second, std::string::npos);
  EXPECT_TRUE(OutsideRemoved(result, first, first + sizeof(kLede) - 1));
  ASSERT_EQ(result.removed.size(), 1u);
  EXPECT_EQ(result.removed[0].start, second);
  EXPECT_EQ(result.removed[0].end, text.size());
  EXPECT_EQ(result.removed[0].reason, RemovalReason::kDuplicate);
}

TEST(CleanText, NearDuplicateAfterFoldingCaseSpacesAndPunctuationIsRemoved) {
  std::string variant =
      "HEALTH officials in the northern province confirmed 42 new cases of cholera on "
      "Tuesday -- bringing the total since the  outbreak began last month to 310";
  std::string text = Join({kLede, kSecond, variant});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, variant));
  EXPECT_EQ(result.removed.back().reason, RemovalReason::kDuplicate);
}

TEST(CleanText, CurlyAndStraightQuotesFoldToTheSameParagraph) {
  std::string curly =
      "The minister\xE2\x80\x99s office said the quarantine order would stay in place.";
  std::string straight = "The minister's office said the quarantine order would stay in place.";
  std::string text = Join({kLede, curly, kSecond, straight});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineKept(text, result, curly));
  EXPECT_TRUE(LineRemoved(text, result, straight));
}

TEST(CleanText, LineThatIsPrefixOfEarlierParagraphIsRemoved) {
  std::string cut = "The provincial health ministry said 12 patients remained in hospital";
  std::string text = Join({kLede, kSecond, kThird, cut});
  CleanResult result = CleanText(text);
  size_t at = text.rfind(cut);
  EXPECT_TRUE(InsideRemoved(result, at, at + cut.size() + 1));
  EXPECT_TRUE(LineKept(text, result, kSecond));
  EXPECT_EQ(result.removed.back().reason, RemovalReason::kDuplicate);
}

TEST(CleanText, ShortRepeatedLinesAreNotDuplicates) {
  std::string text = Join({"Q: What now?", kLede, "Q: What now?", kSecond});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(result.removed.empty());
}

TEST(CleanText, RepeatOfRemovedBoilerplateIsRemovedAsBoilerplate) {
  std::string bio =
      "Sam Lee is a correspondent for The Daily Ledger based in the capital, covering trade.";
  std::string text = Join({"About the author", bio, kLede, kSecond, bio});
  CleanResult result = CleanText(text);
  ASSERT_FALSE(result.removed.empty());
  EXPECT_TRUE(LineRemoved(text, result, "About the author"));
  EXPECT_EQ(result.removed.back().end, text.size());
  EXPECT_EQ(result.removed.back().reason, RemovalReason::kBoilerplate);
}

TEST(CleanText, AuthorBioNextToBoilerplateIsRemovedAlone) {
  std::string bio = "Ana de la Cruz is a freelance journalist who writes about science and health.";
  std::string text = Join({kLede, kSecond, "Share this article", bio});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, bio));
}

TEST(CleanText, GluedAboutTheAuthorIsRemovedButContentBeforeKept) {
  std::string content =
      "Health officials in the port city said the new quarantine rules would stay in force "
      "for at least two more weeks as cases kept rising among dock workers,";
  std::string line = content + "About the Author";
  std::string text = Join({kLede, line, "Lena Fischer",
                           "Lena Fischer is a correspondent for The Daily Ledger in Hamburg."});
  CleanResult result = CleanText(text);
  size_t glued = text.find("About the Author");
  size_t line_start = text.find(content);
  EXPECT_TRUE(InsideRemoved(result, glued, glued + 16));
  EXPECT_TRUE(OutsideRemoved(result, line_start, line_start + content.size()));
  EXPECT_TRUE(LineRemoved(text, result, "Lena Fischer\n"));
  EXPECT_TRUE(LineRemoved(text, result, "Lena Fischer is a correspondent"));
  // The glued part is removed exactly, not the '\n' after it.
  bool exact = false;
  for (const RemovedRange& range : result.removed) {
    if (range.start == glued)
      exact = text.substr(range.start, range.end - range.start) == "About the Author";
  }
  EXPECT_TRUE(exact);
}

TEST(CleanText, GluedTailAfterFinishedSentenceIsRemoved) {
  std::string content = kThird;
  std::string text = Join({kLede, content + " Read more"});
  CleanResult result = CleanText(text);
  size_t tail = text.find("Read more");
  EXPECT_TRUE(InsideRemoved(result, tail, tail + 9));
  EXPECT_TRUE(LineKept(text, result, content));
}

TEST(CleanText, TailPhraseEndingASentenceInLowerCaseIsKept) {
  std::string line =
      "The report on the cholera outbreak became the most read item on the ministry website, "
      "officials said, and was shared widely by health workers who asked for more";
  std::string text = Join({kLede, line});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineKept(text, result, line));
}

TEST(CleanText, KickerTeasersBecomeTheirOwnStories) {
  std::string teaser_one =
      "HARBOR CLASH: Two coast guard ships collided near a disputed reef on Sunday, the "
      "foreign ministry said, in the latest of a series of incidents that have raised tension "
      "between the neighbors and drawn warnings from";
  std::string teaser_two =
      "\xE2\x80\x98NO MORE WAITING\xE2\x80\x99: Farmers blocked the main highway for a third day "
      "to demand higher grain prices, and police said talks with the union leaders would resume "
      "on Monday if the blockade was";
  std::string text = Join({kLede, kSecond, kThird, teaser_one, teaser_two});
  CleanResult result = CleanText(text);
  ASSERT_EQ(result.stories.size(), 3u);
  EXPECT_EQ(StoryText(text, result.stories[0]),
            std::string(kLede) + "\n" + kSecond + "\n" + kThird);
  EXPECT_EQ(StoryText(text, result.stories[1]), teaser_one);
  EXPECT_EQ(StoryText(text, result.stories[2]), teaser_two);
  EXPECT_TRUE(result.stories[0].relevant);
  EXPECT_FALSE(result.stories[1].relevant);
  EXPECT_FALSE(result.stories[2].relevant);
}

TEST(CleanText, CutOffLineAfterArticleIsATeaser) {
  std::string teaser =
      "The central bank kept its benchmark interest rate unchanged on Thursday, citing steady "
      "growth and easing inflation, but two members of the policy board voted for a cut and "
      "said the outlook for exports had worsened,";
  std::string text = Join({kLede, kSecond, teaser});
  CleanResult result = CleanText(text);
  ASSERT_EQ(result.stories.size(), 2u);
  EXPECT_EQ(StoryText(text, result.stories[1]), teaser);
  EXPECT_FALSE(result.stories[1].relevant);
  EXPECT_TRUE(result.stories[0].relevant);
}

// A page sent in part ends on its article's paragraph cut short: it goes on with the
// article, where an off-topic teaser cut off the same way stands alone (above).
TEST(CleanText, CutOffLastParagraphOfAnArticleGoesOnWithIt) {
  std::string tail =
      "Across the region, more than 300 infected pigs have been found on farms since March, "
      "and veterinary teams are now testing the herds of";
  std::string text = Join({kLede, kSecond, tail});
  CleanResult result = CleanText(text);
  ASSERT_EQ(result.stories.size(), 1u);
  EXPECT_TRUE(result.stories[0].relevant);
  EXPECT_EQ(result.stories[0].end, text.size() - (text.back() == '\n' ? 1 : 0));
}

TEST(CleanText, TeaserAboutLockdownAmidInfectionsIsRelevant) {
  std::string teaser =
      "SEALED VILLAGE: Residents of a mountain village shut themselves in under a strict "
      "lockdown after a wave of infection and death swept the valley, and health officials "
      "said not one new case had been found there since the quarantine began three weeks "
      "ago, while neighbouring towns reported dozens of";
  std::string text = Join({kLede, kSecond, teaser});
  CleanResult result = CleanText(text);
  ASSERT_EQ(result.stories.size(), 2u);
  EXPECT_TRUE(result.stories[1].relevant);
}

TEST(CleanText, TeaserWithOnePassingPandemicMentionIsNotRelevant) {
  std::string teaser =
      "A press freedom group accused the government of using the COVID-19 pandemic as cover "
      "to silence critics, saying three editors had been detained this month and two news "
      "websites blocked without a court order. The group called on the authorities to free "
      "the editors and restore access to the sites, which have covered the weekly protests "
      "against the government since last year, and said the arrests were";
  std::string text = Join({kLede, kSecond, teaser});
  CleanResult result = CleanText(text);
  ASSERT_EQ(result.stories.size(), 2u);
  EXPECT_FALSE(result.stories[1].relevant);
  EXPECT_GE(result.stories[1].score, 0.5);  // confident it is not relevant
}

TEST(CleanText, KickerLineThatEndsASentenceOpensAStoryThatContinues) {
  std::string dateline =
      "CAPE TOWN: Provincial authorities reported 85 new cases of measles on Monday and said "
      "vaccination teams would visit every school in the district this week.";
  std::string text = Join({kLede, kSecond, dateline, kThird});
  CleanResult result = CleanText(text);
  ASSERT_EQ(result.stories.size(), 2u);
  EXPECT_EQ(StoryText(text, result.stories[1]), dateline + "\n" + kThird);
}

TEST(CleanText, RunOfBoilerplateEndsAStory) {
  std::string text = Join({kLede, kSecond, "Related stories", "Advertisement", kThird});
  CleanResult result = CleanText(text);
  ASSERT_EQ(result.stories.size(), 2u);
  EXPECT_EQ(StoryText(text, result.stories[1]), kThird);
}

TEST(CleanText, SingleAdvertisementInsideArticleDoesNotSplitIt) {
  std::string text = Join({kLede, "Advertisement", kSecond, "Photo: AFP", kThird});
  CleanResult result = CleanText(text);
  EXPECT_EQ(result.removed.size(), 2u);
  ASSERT_EQ(result.stories.size(), 1u);
  EXPECT_EQ(result.stories[0].start, 0u);
  EXPECT_EQ(result.stories[0].end, text.size() - 1);
}

TEST(CleanText, HeadlinesListedUnderRelatedStoriesAreRemoved) {
  std::string text = Join({kLede, kSecond, "Related stories", "Flood waters recede in the south",
                           "Minister resigns over budget row", kThird});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, "Related stories"));
  EXPECT_TRUE(LineRemoved(text, result, "Flood waters recede in the south"));
  EXPECT_TRUE(LineRemoved(text, result, "Minister resigns over budget row"));
  EXPECT_TRUE(LineKept(text, result, kThird));
}

// Headings of teaser lists as news sites write them, alone on their line.
TEST(CleanText, TeaserListHeadingsOpenLinkLists) {
  for (const char* heading : {"Read Next", "ALSO READ", "Recommended", "Related News",
                              "Related Headlines", "Skip next section Related topics"}) {
    std::string text =
        Join({kLede, kSecond, heading, "Harbour bridge toll to rise in March", kThird});
    CleanResult result = CleanText(text);
    EXPECT_TRUE(LineRemoved(text, result, heading)) << heading;
    EXPECT_TRUE(LineRemoved(text, result, "Harbour bridge toll to rise in March")) << heading;
    EXPECT_TRUE(LineKept(text, result, kSecond)) << heading;
  }
}

// A link lead-in alone on its line ("Read more:") heads the headlines after it.
TEST(CleanText, LeadInAloneOnItsLineOpensALinkList) {
  for (const char* heading : {"Read more:", "See also:", "Related:", "Also read:"}) {
    std::string text = Join({kLede, kSecond, heading, "Harbour bridge toll to rise in March",
                             "Ferry strike called off after pay deal", kThird});
    CleanResult result = CleanText(text);
    EXPECT_TRUE(LineRemoved(text, result, heading)) << heading;
    EXPECT_TRUE(LineRemoved(text, result, "Harbour bridge toll to rise in March")) << heading;
    EXPECT_TRUE(LineRemoved(text, result, "Ferry strike called off after pay deal")) << heading;
    EXPECT_TRUE(LineKept(text, result, kThird)) << heading;
  }
}

// Link lead-ins, trust notices and feed notes at the start or inside a line.
TEST(CleanText, LeadInsAndNoticesOfNewsSitesAreRemoved) {
  for (const char* line :
       {"READ: Council approves new ferry timetable", "Trending: Heavy snow closes mountain pass",
        "More from this section: Museum reopens its east wing",
        "Our Standards: The Daily Ledger Editorial Principles.",
        "Explore more on these topics: Health, Farming", "Media contact: press office, 555 0100",
        "Published in The Daily Ledger, March 3rd, 2022",
        "(This report was auto-generated from a syndicated feed.)",
        "Do you like the content of this article?", "Sign up for our free morning briefing",
        "Share  Tweet  Email", "Short link: ledger.example/x7", "Facebook Count  Twitter Share"}) {
    std::string text = Join({kLede, line, kSecond});
    CleanResult result = CleanText(text);
    EXPECT_TRUE(LineRemoved(text, result, line)) << line;
    EXPECT_TRUE(LineKept(text, result, kLede)) << line;
  }
}

// Breadcrumbs, tags, credits in brackets, comment counters and teaser lead-ins.
TEST(CleanText, TrailsTagsCreditsAndCountersAreRemoved) {
  for (const char* line :
       {"Home / Regions / Health", "Inicio > Noticias > Salud p\u00fablica",
        "#measles #school outbreak #Ohio", "(Reporting by Ann Lowe; Editing by Sam Ortiz)",
        "Comments (12)", "More from Health: Clinic hours change in May",
        "Most viewed: Ferry delays expected this weekend",
        "\u0421\u0430\u043c\u044b\u0435 \u0447\u0438\u0442\u0430\u0435\u043c\u044b\u0435",
        "\uff08\u8d23\u7f16\uff1a\u674e\u660e\uff09",
        "Associated Press writer Lee Park contributed from Boise."}) {
    std::string text = Join({kLede, line, kSecond});
    CleanResult result = CleanText(text);
    EXPECT_TRUE(LineRemoved(text, result, line)) << line;
    EXPECT_TRUE(LineKept(text, result, kLede)) << line;
  }
}

// Each list is walked up to the next one, which goes on from there.
TEST(CleanText, HeadlinesUnderListAfterListAreRemoved) {
  std::string text =
      Join({kLede, kSecond, "Related stories", "Flood waters recede in the south",
            "Related stories", "Minister resigns over budget row", "Bridge reopens after repairs",
            kThird});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, "Flood waters recede in the south"));
  EXPECT_TRUE(LineRemoved(text, result, "Minister resigns over budget row"));
  EXPECT_TRUE(LineRemoved(text, result, "Bridge reopens after repairs"));
  EXPECT_TRUE(LineKept(text, result, kThird));
}

TEST(CleanText, StoriesDoNotIncludeRemovedLinesAtTheirEdges) {
  std::string text = Join({"Skip to main content", kLede, kSecond, "Photo: Reuters", "Log in"});
  CleanResult result = CleanText(text);
  ASSERT_EQ(result.stories.size(), 1u);
  EXPECT_EQ(StoryText(text, result.stories[0]), std::string(kLede) + "\n" + kSecond);
}

TEST(CleanText, ShortLinesWedgedBetweenBoilerplateAreRemoved) {
  std::string tagline = "Independent reporting since 1998,";
  std::string aside = "Older versions stopped receiving updates in 2016.";
  std::string text = Join({kLede, kSecond, "Share this article", tagline,
                           "Your browser is out of date. Please update your browser.", aside,
                           "Already have an account? Log in"});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineRemoved(text, result, tagline));
  EXPECT_TRUE(LineRemoved(text, result, aside));
  EXPECT_TRUE(LineKept(text, result, kSecond));
}

TEST(CleanText, ShortLineAfterACreditAloneIsKept) {
  std::string line = "The ministry declined to comment further.";
  std::string text = Join({kLede, "Photo: AFP", line, kSecond});
  CleanResult result = CleanText(text);
  EXPECT_TRUE(LineKept(text, result, line));
}

TEST(CleanText, RemovedRangesAreExactWholeLines) {
  std::vector<std::string> lines = {kLede, "Sign in to continue", kSecond, "Share this article",
                                    kLede};
  // (Separate lines here: adjacent removed lines would make one range.)
  std::string text = Join(lines);
  CleanResult result = CleanText(text);
  ASSERT_EQ(result.removed.size(), 3u);
  EXPECT_EQ(text.substr(result.removed[0].start, result.removed[0].end - result.removed[0].start),
            "Sign in to continue\n");
  EXPECT_EQ(text.substr(result.removed[1].start, result.removed[1].end - result.removed[1].start),
            "Share this article\n");
  EXPECT_EQ(text.substr(result.removed[2].start, result.removed[2].end - result.removed[2].start),
            std::string(kLede) + "\n");
  for (size_t i = 1; i < result.removed.size(); ++i) {
    EXPECT_LE(result.removed[i - 1].end, result.removed[i].start);
  }
}

TEST(CleanText, LastLineWithoutNewlineAndWindowsLineEndings) {
  std::string text = std::string(kLede) + "\r\n" + kSecond + "\r\nLog in";
  CleanResult result = CleanText(text);
  ASSERT_EQ(result.removed.size(), 1u);
  EXPECT_EQ(text.substr(result.removed[0].start), "Log in");
  EXPECT_EQ(result.removed[0].end, text.size());
  ASSERT_EQ(result.stories.size(), 1u);
  EXPECT_EQ(StoryText(text, result.stories[0]), std::string(kLede) + "\r\n" + kSecond);
}

TEST(CleanText, InvalidUtf8AndCutCharactersDoNotBreakRanges) {
  std::string teaser =
      "STORM WARNING: Forecasters said the cyclone would reach the coast by Friday and urged "
      "fishermen to stay in port, while officials in three districts opened shelters for the "
      "country\xE2\x80";
  std::string text = Join({kLede, "\xFF\xFE broken", teaser});
  CleanResult result = CleanText(text);
  for (const Story& story : result.stories) {
    EXPECT_LE(story.start, story.end);
    EXPECT_LE(story.end, text.size());
  }
  EXPECT_EQ(result.stories.size(), 2u);
}

TEST(CleanText, StoryScoreIsConfidenceInItsVerdict) {
  std::string text = Join({kLede, kSecond, kThird});
  CleanResult result = CleanText(text);
  ASSERT_EQ(result.stories.size(), 1u);
  EXPECT_TRUE(result.stories[0].relevant);
  EXPECT_GT(result.stories[0].score, 0.9);
  EXPECT_LE(result.stories[0].score, 1.0);
}

TEST(RelevanceScore, OrdersTextsByOutbreakEvidence) {
  double none = RelevanceScore("The fishing boat sank after it was rammed near the islands.");
  double passing = RelevanceScore(
      "Lawmakers debated the budget for three days. The finance minister said spending on "
      "roads and schools would rise next year, despite the pandemic, and that taxes on fuel "
      "would stay unchanged until the end of the year while the economy recovered.");
  double outbreak = RelevanceScore(
      "The outbreak of dengue has infected 900 people, and health authorities confirmed 40 "
      "new cases on Friday.");
  EXPECT_LT(none, 0.1);
  EXPECT_LT(passing, 0.5);
  EXPECT_GT(outbreak, 0.9);
  EXPECT_LT(none, passing);
  EXPECT_LT(passing, outbreak);
  EXPECT_GE(none, 0.0);
  EXPECT_LE(outbreak, 1.0);
}

// A farm outbreak is told in the words of veterinary control: a new focus, culling, the
// protection and surveillance zones around it.
TEST(RelevanceScore, AFarmOutbreakToldInVeterinaryWordsIsOutbreakNews) {
  const std::string es =
      "La Junta ha confirmado un nuevo foco de viruela ovina en una explotación de Teruel. "
      "Los 900 animales serán sacrificados y se ha fijado una zona de protección de tres "
      "kilómetros y una zona de vigilancia de diez.";
  const std::string fr =
      "Un foyer a été confirmé dans un élevage de canards du Gers. L'abattage des 6 000 "
      "animaux a commencé, et une zone de protection a été établie par les services "
      "vétérinaires.";
  EXPECT_GT(RelevanceScore(es), 0.5);
  EXPECT_GT(RelevanceScore(fr), 0.5);
}

// A number of animals beside a named disease is a case count, as a number of cases is;
// animals counted with no disease are not outbreak news.
TEST(RelevanceScore, AnimalsCountedBesideADiseaseAreOutbreakNews) {
  EXPECT_GT(RelevanceScore("Foot-and-mouth disease has been found in 23 cattle on two farms "
                           "near Kars, the provincial directorate said."),
            0.5);
  EXPECT_GT(RelevanceScore("La fièvre aphteuse a été détectée chez 23 bovins de deux fermes "
                           "près de Kars, a indiqué la préfecture."),
            0.5);
  EXPECT_LT(RelevanceScore("Prices firmed as 4,000 cattle and 900 sheep went through the "
                           "sale ring at the county market on Thursday, traders said."),
            0.5);
}

// A one-sentence item on an entry ban or a border closed for a disease is news of the
// response to it, in each language.
TEST(RelevanceScore, AnEntryBanForADiseaseIsOutbreakNews) {
  EXPECT_GT(RelevanceScore("Jordan barred entry to travellers coming from Iran and Iraq "
                           "because of the coronavirus."),
            0.5);
  EXPECT_GT(RelevanceScore("Le Tchad a interdit l'entrée aux voyageurs venant du Cameroun "
                           "à cause du Covid-19."),
            0.5);
  EXPECT_GT(RelevanceScore("Bolivia prohibió la entrada a los viajeros que llegan de Chile "
                           "por el COVID-19."),
            0.5);
  EXPECT_GT(RelevanceScore("Монголия закрыла границу с Китаем из-за коронавируса."), 0.5);
}

TEST(RelevanceScore, AFilmAboutAnEpidemicIsNotOutbreakNews) {
  const std::string review =
      "The new film follows a virologist racing to stop a deadly virus before the pandemic "
      "spreads. The movie stars a cast of familiar faces, and the thriller keeps its plot "
      "moving until the last scene. The director shot it in three cities.";
  const std::string report =
      "The virus has infected 40 people in the district, and health officials reported "
      "three deaths as the outbreak spread to two more villages.";
  EXPECT_LT(RelevanceScore(review), 0.5);
  EXPECT_GT(RelevanceScore(report), 0.5);
  // (A one-line notice of a release: a fictional outbreak, in cinemas.)
  EXPECT_LT(RelevanceScore("Set during a fictional Ebola outbreak that kills 2,000 people, the "
                           "drama opens in cinemas next week."),
            0.5);
}

TEST(RelevanceScore, AnArticleOnTravelMeasuresIsRelevant) {
  const double score = RelevanceScore(
      "Officials kept coronavirus controls in place. Arrivals must spend 14 days of quarantine "
      "in designated hotels, and the state of emergency stays. The carrier may operate one "
      "flight a week. Travel restrictions on visitors remain, and the entry ban was extended.");
  EXPECT_GT(score, 0.5);
}

// A feed's one-line excerpt of a case report is outbreak news, whichever way round it
// names the disease and the cases.
TEST(RelevanceScore, AOneLineReportOfNewCovidCasesIsRelevant) {
  const double before = RelevanceScore("Chile counted 2,300 new COVID-19 cases on Tuesday.");
  const double after = RelevanceScore("Chile counted 2,300 new cases of COVID-19 on Tuesday.");
  EXPECT_GT(before, 0.5);
  EXPECT_GT(after, 0.5);
  EXPECT_GE(WeighRelevance("covid-19 cases").weight,
            WeighRelevance("covid-19").weight + WeighRelevance("cases").weight);
}

// A one-sentence item of a feed that reports infections or names an outbreak's disease
// is outbreak news; one that only mentions the pandemic is not.
TEST(RelevanceScore, AOneSentenceReportIsRelevantAPassingMentionIsNot) {
  EXPECT_GT(RelevanceScore("In Austria, the health agency registered 1,410 new infections in "
                           "the past 24 hours."),
            0.5);
  EXPECT_GT(RelevanceScore("Foot-and-mouth disease was found on a farm near Daejeon."), 0.5);
  EXPECT_LT(RelevanceScore("Shops reopened after the pandemic and sales rose in March."), 0.5);
  EXPECT_GT(RelevanceScore("Norway will close its borders to foreigners on Monday to curb the "
                           "spread of the coronavirus, the government said."),
            0.5);
  EXPECT_LT(RelevanceScore("Norway will close its embassy in Kabul on Monday, the government "
                           "said."),
            0.5);
}

// A long report of a disease's figures among other news is relevant: a figure before a
// word of cases weighs again once a disease is named. Cases of another kind are not news
// of an outbreak, with their figures or without.
TEST(RelevanceScore, FiguresOfCasesCountOnceADiseaseIsNamed) {
  const std::string report =
      "Le canton a décidé jeudi de fermer les cinémas, les musées et les salles de sport "
      "dès samedi, et le gouvernement a débloqué une aide pour les commerces touchés par "
      "la baisse de la fréquentation. Selon l'office de la santé publique, 842 cas de "
      "coronavirus ont été confirmés dans le canton, qui compte désormais 91 cas de plus que "
      "la veille, et la ville voisine en recense 130.";
  EXPECT_GT(RelevanceScore(report), 0.5);
  EXPECT_DOUBLE_EQ(
      RelevanceScore("The prosecutor filed 45 fraud cases against importers on Monday, and 18 "
                     "more cases were lodged in the port city, officials said."),
      RelevanceScore("The prosecutor filed many fraud cases against importers on Monday, and "
                     "several more cases were lodged in the port city, officials said."));
  EXPECT_LT(RelevanceScore("The county recorded 310 overdose deaths last year, and 14 overdoses, "
                           "three of them fatal, in the past two days."),
            0.5);
}

// Measures and animal outbreaks are told in words of their own, in every language read.
TEST(RelevanceScore, MeasuresAndFarmOutbreaksInTheirOwnWordsAreRelevant) {
  EXPECT_GT(RelevanceScore("Le Maroc rouvre ses frontières aériennes lundi. Les voyageurs devront "
                           "présenter un test PCR négatif, et le couvre-feu est levé."),
            0.5);
  EXPECT_GT(
      RelevanceScore("El Gobierno anunció la suspensión de todos los vuelos procedentes de "
                     "Europa y una cuarentena domiciliar para quienes regresen del exterior."),
      0.5);
  EXPECT_GT(RelevanceScore("Власти закрыли пункты пропуска на границе, прибывшие должны соблюдать "
                           "самоизоляцию."),
            0.5);
  EXPECT_GT(RelevanceScore("全省低风险地区全面复工复产，入境人员仍需接受集中隔离。"), 0.5);
  EXPECT_GT(RelevanceScore("Коронавирус: власти Бишкека с понедельника отменяют комендантский "
                           "час и разрешают работу кафе и рынков."),
            0.5);
  EXPECT_GT(RelevanceScore("Officials found African swine fever on a pig farm in the province, and "
                           "the remaining animals were culled."),
            0.5);
  EXPECT_LT(RelevanceScore("Le Maroc rouvre ses frontières aériennes au tourisme après la saison "
                           "des pluies, a annoncé le ministère."),
            0.5);
}

// Deaths told in a feminine or a participle weigh as those told in the masculine: a
// one-sentence report of them is relevant.
TEST(RelevanceScore, DeathsInEveryInflectionAreEvidence) {
  EXPECT_GT(RelevanceScore("Neuf personnes sont mortes de la fièvre de Lassa dans l'État d'Edo et "
                           "quatre dans l'État d'Ondo, selon les autorités."),
            0.5);
  EXPECT_GT(RelevanceScore("Quatre femmes sont décédées de la fièvre de Lassa dans l'État d'Edo au "
                           "cours du mois dernier, selon les autorités."),
            0.5);
}

// A measure in the words news gives it, singular or plural, "its" or "their": a
// one-sentence report of it that names the disease is relevant; the same words of the
// school year are not.
TEST(RelevanceScore, AMeasureInAnyOfItsWordingsIsEvidence) {
  EXPECT_GT(RelevanceScore("Malta will require all travellers from Egypt to serve a 14-day "
                           "stay-home notice due to COVID-19."),
            0.5);
  EXPECT_GT(RelevanceScore("Three Baltic states are closing their borders to visitors from "
                           "Belarus because of the coronavirus."),
            0.5);
  EXPECT_LT(RelevanceScore("Schools reopened after the summer holidays and sales of uniforms "
                           "rose in March."),
            0.5);
  // In French and Spanish, in the verbs' other tenses and persons.
  EXPECT_GT(RelevanceScore("Le Maroc suspend ses vols. Le Maroc a suspendu jeudi tous les vols "
                           "vers la France jusqu'à nouvel ordre, en raison du coronavirus."),
            0.5);
  EXPECT_GT(RelevanceScore("Colombia reabrirá la frontera con Venezuela el 1 de junio, tras "
                           "más de un año de cierre por la pandemia de covid-19."),
            0.5);
}

// Recoveries are outbreak news as deaths and hospitalisations are.
TEST(RelevanceScore, ARecoveryCountIsEvidence) {
  EXPECT_GT(RelevanceScore("India reported 2,58,685 recoveries from COVID-19."), 0.5);
  EXPECT_LT(RelevanceScore("Police have recovered the stolen car in Pune."), 0.5);
}

// Every name of a disease the event lexicons know speaks of an outbreak, in each
// language, whether or not relevance.tsv lists it.
TEST(RelevanceScore, AReportOfAnyKnownDiseaseIsRelevant) {
  EXPECT_GT(RelevanceScore("The agency said 154 mumps cases were recorded last week."), 0.5);
  EXPECT_GT(RelevanceScore("Bluetongue was confirmed in 30 sheep on four farms."), 0.5);
  EXPECT_GT(RelevanceScore("Han muerto 37 ovejas por lengua azul en la provincia."), 0.5);
  EXPECT_GT(RelevanceScore("La fièvre aphteuse a été confirmée chez trois bovins."), 0.5);
  EXPECT_GT(RelevanceScore("Se confirmaron nueve casos de leptospirosis en la ciudad."), 0.5);
  // Traditional characters are read as simplified: "流感高峰，幼稚園停課".
  EXPECT_GT(RelevanceScore("\u56e0\u6d41\u611f\u9ad8\u5cf0\uff0c\u5e7c\u7a1a\u5712"
                           "\u505c\u8ab2\u3002"),
            0.5);
}

// A disease's names weigh what relevance.tsv gives its id or another of its names, and
// a line of their own overrides that.
TEST(Lexicon, DiseaseNamesWeighWhatTheRelevanceLinesGiveTheirDisease) {
  const ParsedLexicon parsed = ParseRelevanceTsv(
      "measles\t1.2\nanger\t0.3\n",
      "# a comment\nmeasles\tmeasles|rubeola\nmumps\tmumps\nrabies\trabies|anger\n");
  EXPECT_EQ(parsed.skipped_lines, 0u);
  std::map<std::string, double> weights;
  for (size_t i = 0; i < parsed.matcher.size(); ++i) {
    weights[parsed.matcher.phrase(i)] = parsed.matcher.weight(i);
  }
  EXPECT_DOUBLE_EQ(weights["rubeola"], 1.2);  // as its id
  EXPECT_DOUBLE_EQ(weights["mumps"], 1.0);    // not listed: the default
  EXPECT_DOUBLE_EQ(weights["rabies"], 1.0);
  EXPECT_DOUBLE_EQ(weights["anger"], 0.3);  // its own line holds
  EXPECT_EQ(weights.size(), 5u);
}

// A vaccine's trial speaks of infections and a disease, and is no outbreak news.
TEST(RelevanceScore, AClinicalTrialIsNotOutbreakNews) {
  EXPECT_LT(RelevanceScore("In a phase 3 clinical trial, the dengue vaccine cut infections by 80 "
                           "per cent compared with a placebo among 20,000 children, the company "
                           "said. It plans to seek approval next year."),
            0.5);
}

TEST(RelevanceScore, RepeatsOfOneWordCountLessThanDistinctWords) {
  RelevanceEvidence repeated = WeighRelevance("virus virus virus virus virus virus virus virus");
  RelevanceEvidence distinct =
      WeighRelevance("virus outbreak quarantine infections cases lockdown");
  EXPECT_LE(repeated.weight, 4 * 0.5 + 1e-9);
  EXPECT_GT(distinct.weight, repeated.weight);
}

TEST(Lexicon, EmbeddedLexiconsParseWithoutSkippedLines) {
  // Both TSVs are compiled in; a bad line would be skipped silently at run time.
  ParsedLexicon boilerplate = ParseBoilerplateTsv(
      "sign up\tprompt\n# comment\n\nno tab here\nfoo\tunknownkind\n^photo:\tcredit\n");
  EXPECT_EQ(boilerplate.matcher.size(), 2u);
  EXPECT_EQ(boilerplate.skipped_lines, 2u);
  // A negative weight is a word of another subject; a zero weight says nothing.
  ParsedLexicon relevance =
      ParseRelevanceTsv("outbreak\t1.2\ncases\tmany\nfilm\t-1\nflu\t0\n");
  EXPECT_EQ(relevance.matcher.size(), 2u);
  EXPECT_EQ(relevance.skipped_lines, 2u);
  EXPECT_GT(BoilerplateLexicon().size(), 100u);
  EXPECT_GT(RelevanceLexicon().size(), 80u);
}

TEST(Lexicon, MatchesWholeWordsAndCamelCaseGlue) {
  PhraseMatcher matcher = ParseBoilerplateTsv("sign up\tprompt\nlearn more\ttail\n").matcher;
  EXPECT_TRUE(matcher.FindAll(FoldText("design upgrades")).empty());
  EXPECT_EQ(matcher.FindAll(FoldText("Please SIGN  UP today")).size(), 1u);
  EXPECT_EQ(matcher.FindAll(FoldText("Learn MoreEnter your name")).size(), 1u);
}

TEST(Lexicon, FoldsAccentedAndCyrillicCapitalsToLowerCase) {
  EXPECT_EQ(FoldText("ÉPIDÉMIE à Paris").text, "épidémie à paris");
  EXPECT_EQ(FoldText("ВСПЫШКА Кори, ЁЖ").text, "вспышка кори, ёж");
  PhraseMatcher matcher = ParseRelevanceTsv("вспышка\t1.2\n").matcher;
  EXPECT_EQ(matcher.FindAll(FoldText("Вспышка кори в городе")).size(), 1u);
  EXPECT_TRUE(matcher.FindAll(FoldText("вспышками")).empty());  // no word inside another
}

TEST(Lexicon, ChinesePhrasesMatchBetweenAnyTwoCharacters) {
  // Chinese is written without spaces: every character starts and ends a word.
  PhraseMatcher matcher = ParseRelevanceTsv("病例\t1.2\n疫情\t1.0\n").matcher;
  const std::vector<PhraseMatch> found = matcher.FindAll(FoldText("今日新增确诊病例3例，疫情平稳"));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(matcher.phrase(found[0].entry), "病例");
  EXPECT_EQ(matcher.phrase(found[1].entry), "疫情");
}

TEST(Lexicon, ChineseTextCountsAWordForEveryTwoCharacters) {
  EXPECT_EQ(CountWords("三个病例"), 2u);
  EXPECT_EQ(CountWords("新增病例 in Guangdong"), 4u);
  EXPECT_EQ(CountWords("three new cases"), 3u);
}

// English lines are counted eight bytes at a time: words that cross those steps, runs
// of marks, digits and a line that turns to another script half-way count as they
// would byte by byte.
TEST(Lexicon, WordsAreCountedAcrossEightByteSteps) {
  EXPECT_EQ(CountWords("Forty-two new cases were reported in the northern district on Monday."),
            12u);
  EXPECT_EQ(CountWords("A  B\tC...D,E;F(G)H[I]J{K}L|M/N\\O"), 15u);
  EXPECT_EQ(CountWords("12,345 confirmed; 678 deaths; 9 recovered"), 7u);
  EXPECT_EQ(CountWords("@@@@@@@@@@@@@@@@word"), 1u);
  EXPECT_EQ(CountWords("wordwordwordwordword"), 1u);
  EXPECT_EQ(CountWords("Cases rose in Guangdong: 新增病例 today"), 7u);
  EXPECT_EQ(CountWords("Zoonotic influenza in Île-de-France"), 6u);
  EXPECT_EQ(CountWords(""), 0u);
}

TEST(RelevanceScore, OutbreakReportsInOtherLanguagesAreRelevant) {
  EXPECT_GT(RelevanceScore("Le ministère de la santé a confirmé 12 nouveaux cas de rougeole, "
                           "et deux patients sont hospitalisés."),
            0.8);
  EXPECT_GT(RelevanceScore("El brote de sarampión suma 40 casos confirmados y dos fallecidos."), 0.8);
  EXPECT_GT(RelevanceScore("В области выявлено 15 случаев кори, введён карантин в школах."), 0.8);
  EXPECT_GT(RelevanceScore("本市新增境外输入确诊病例2例，均已隔离治疗。"), 0.8);
  EXPECT_GT(
      RelevanceScore("La France a enregistré 509 décès supplémentaires en 24 heures, et 6 000 "
                     "personnes sont en réanimation."),
      0.5);
  EXPECT_GT(RelevanceScore("Fujian reported 8 new imported cases on Thursday: 3 from the United "
                           "Kingdom, 2 from France and 3 from the United States."),
            0.5);
  // One-line briefs of border and flight measures.
  EXPECT_GT(RelevanceScore("L'Italie a décidé de fermer ses frontières pour 30 jours à cause du "
                           "coronavirus."),
            0.5);
  EXPECT_GT(RelevanceScore("Perú suspendió todos los vuelos internacionales durante 15 días por el "
                           "coronavirus."),
            0.5);
  // A one-line brief of deaths in the singular and perfect forms.
  EXPECT_GT(RelevanceScore("En Navarra han fallecido 40 personas por coronavirus y 900 han "
                           "conseguido curarse."),
            0.5);
  EXPECT_LT(RelevanceScore("Le conseil municipal a voté le budget des routes et des écoles."), 0.2);
  EXPECT_LT(RelevanceScore("市政府今天公布了明年的道路建设计划。"), 0.2);
}

TEST(LineRules, KickersAndCutOffEndings) {
  EXPECT_TRUE(StartsWithKicker("BIG NEWS: the rest of the teaser"));
  EXPECT_TRUE(StartsWithKicker("\xE2\x80\x9CQUOTED KICKER\xE2\x80\x9D: the rest"));
  EXPECT_FALSE(StartsWithKicker("Officials said: the rest"));
  EXPECT_FALSE(StartsWithKicker("At 10:30 the meeting began"));
  EXPECT_TRUE(EndsCutOff("and the number of officially re"));
  EXPECT_TRUE(EndsCutOff("an act of physical endangerment,\xE2\x80\x9D"));
  EXPECT_FALSE(EndsCutOff("as soon as possible.\xE2\x80\x9D"));
  EXPECT_FALSE(EndsCutOff("the following measures:"));
  // A credit in brackets after a finished sentence; a bracket inside a cut sentence.
  EXPECT_FALSE(EndsCutOff("The port stays shut until further notice. (Reporting by our desk)"));
  EXPECT_FALSE(EndsCutOff("\xE5\x8F\xA3\xE5\xB2\xB8\xE5\x85\xB3\xE9\x97\xAD\xE3\x80\x82(\xE6\x96\xB0\xE9\x97\xBB)"));
  EXPECT_TRUE(EndsCutOff("cases rose in the province (mostly in"));
  EXPECT_TRUE(EndsCutOff("cases rose in the province (Hubei)"));
}

TEST(LineRules, NamesAndBios) {
  EXPECT_TRUE(LooksLikePersonName("Jane Q. Roe"));
  EXPECT_TRUE(LooksLikePersonName("Ana de la Cruz"));
  EXPECT_FALSE(LooksLikePersonName("Officials said more on Monday"));
  EXPECT_FALSE(LooksLikePersonName("Photo: AFP"));
  EXPECT_TRUE(LooksLikeAuthorBio("Jane Roe is a senior editor at The Ledger."));
  EXPECT_FALSE(LooksLikeAuthorBio("Jane Roe is a nurse at the district hospital."));
  EXPECT_FALSE(LooksLikeAuthorBio("The outbreak is a concern for every reporter."));
}

// Gold snippets: {"text", "occurrence": n} points at the n-th repeat (1-based);
// a plain string means every occurrence.
std::vector<size_t> SnippetOffsets(const std::string& text, const nlohmann::json& snippet,
                                   std::string& needle) {
  int occurrence = 0;
  if (snippet.is_string()) {
    needle = snippet.get<std::string>();
  } else {
    needle = snippet.at("text").get<std::string>();
    occurrence = snippet.value("occurrence", 1);
  }
  std::vector<size_t> all;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    all.push_back(at);
  }
  if (occurrence == 0) return all;
  if (occurrence > static_cast<int>(all.size())) return {};
  return {all[static_cast<size_t>(occurrence - 1)]};
}

TEST(CleanText, GoldKeepAndDropSnippetsOfSharedDevCorpus) {
  const std::filesystem::path dir = EPIWIRE_SHARED_DIR "/corpus/dev";
  if (!std::filesystem::exists(dir / "docs.jsonl") ||
      !std::filesystem::exists(dir / "gold.jsonl")) {
    GTEST_SKIP() << "no shared dev corpus at " << dir;
  }
  std::map<std::string, std::string> texts;
  std::ifstream docs(dir / "docs.jsonl");
  for (std::string line; std::getline(docs, line);) {
    if (line.empty()) continue;
    nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(doc.is_discarded());
    texts[doc.at("id").get<std::string>()] = doc.at("text").get<std::string>();
  }
  std::ifstream gold(dir / "gold.jsonl");
  size_t checked = 0;
  for (std::string line; std::getline(gold, line);) {
    if (line.empty()) continue;
    nlohmann::json entry = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(entry.is_discarded());
    const std::string id = entry.at("id").get<std::string>();
    ASSERT_TRUE(texts.count(id)) << id;
    const std::string& text = texts[id];
    CleanResult result = CleanText(text);
    for (const char* field : {"keep", "drop"}) {
      if (!entry.contains(field)) continue;
      bool keep = std::string(field) == "keep";
      for (const nlohmann::json& snippet : entry[field]) {
        std::string needle;
        std::vector<size_t> offsets = SnippetOffsets(text, snippet, needle);
        EXPECT_FALSE(offsets.empty()) << id << " " << field << ": not found: " << needle;
        for (size_t at : offsets) {
          ++checked;
          if (keep) {
            EXPECT_TRUE(OutsideRemoved(result, at, at + needle.size()))
                << id << " keep: " << needle;
          } else {
            EXPECT_TRUE(InsideRemoved(result, at, at + needle.size())) << id << " drop: " << needle;
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 0u);
}

}  // namespace
}  // namespace epiwire::clean
