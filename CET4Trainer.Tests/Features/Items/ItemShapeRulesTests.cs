using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Features.Items;

public sealed class ItemShapeRulesTests
{
    public static TheoryData<ItemType> AllTypes => new(Enum.GetValues<ItemType>());

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void ValidSample_OfEveryType_Passes(ItemType type)
    {
        Assert.Empty(ItemShapeRules.Validate(SampleItems.Valid(type)));
    }

    // Each case breaks one rule and names the field the message must point at.
    public static TheoryData<string, ItemType, Action<ItemDraft>, string, string> Broken => new()
    {
        { "cloze with 9 blanks", ItemType.BankedCloze, d => d.Passage = d.Passage.Replace("{{10}}", "ten"), "passage", "10 个空" },
        { "cloze blanks out of order", ItemType.BankedCloze, d => d.Passage = d.Passage.Replace("{{2}}", "{{X}}").Replace("{{3}}", "{{2}}").Replace("{{X}}", "{{3}}"), "passage", "按顺序" },
        { "cloze blank twice", ItemType.BankedCloze, d => d.Passage += " {{10}}", "passage", "各出现一次" },
        { "cloze bank of 14", ItemType.BankedCloze, d => d.WordBank.RemoveAt(14), "wordBank", "15 个词" },
        { "cloze bank of 16", ItemType.BankedCloze, d => d.WordBank.Add("quick"), "wordBank", "15 个词" },
        { "cloze duplicate bank word", ItemType.BankedCloze, d => d.WordBank[14] = "Able", "wordBank", "不能重复" },
        { "cloze answer outside bank", ItemType.BankedCloze, d => d.Questions[0].Answer = "P", "questions[1].answer", "词库" },
        { "cloze answer not a letter", ItemType.BankedCloze, d => d.Questions[0].Answer = "able", "questions[1].answer", "词库" },
        { "cloze word used twice", ItemType.BankedCloze, d => d.Questions[1].Answer = "A", "questions[2].answer", "最多用一次" },
        { "cloze with 9 answers", ItemType.BankedCloze, d => d.Questions.RemoveAt(9), "questions", "10 个答案" },
        { "long reading mislettered", ItemType.LongReadingMatching, d => d.Paragraphs[2].Letter = "D", "paragraphs[3].letter", "顺序编号" },
        { "long reading 4 paragraphs", ItemType.LongReadingMatching, d => d.Paragraphs.RemoveRange(4, 4), "paragraphs", "至少需要 5 个" },
        { "long reading too short", ItemType.LongReadingMatching, d => d.Paragraphs.ForEach(p => p.Text = "Short text."), "paragraphs", "600-1500 词" },
        { "long reading empty paragraph", ItemType.LongReadingMatching, d => d.Paragraphs[1].Text = " ", "paragraphs[2].text", "没有内容" },
        { "statement to missing paragraph", ItemType.LongReadingMatching, d => d.Questions[3].Answer = "Z", "questions[4].answer", "段落字母" },
        { "long reading 9 statements", ItemType.LongReadingMatching, d => d.Questions.RemoveAt(9), "questions", "10 个句子" },
        { "long reading empty statement", ItemType.LongReadingMatching, d => d.Questions[0].Stem = "", "questions[1].stem", "没有内容" },
        { "careful reading 4 questions", ItemType.CarefulReading, d => d.Questions.RemoveAt(4), "questions", "5 道题" },
        { "careful reading 3 options", ItemType.CarefulReading, d => d.Questions[0].Options.RemoveAt(3), "questions[1].options", "4 个非空选项" },
        { "careful reading empty option", ItemType.CarefulReading, d => d.Questions[0].Options[2] = "", "questions[1].options", "4 个非空选项" },
        { "careful reading same options", ItemType.CarefulReading, d => d.Questions[0].Options[1] = "FIRST", "questions[1].options", "不能重复" },
        { "careful reading answer E", ItemType.CarefulReading, d => d.Questions[0].Answer = "E", "questions[1].answer", "A、B、C、D" },
        { "careful reading no passage", ItemType.CarefulReading, d => d.Passage = "", "passage", "文章" },
        { "news with 4 questions", ItemType.ListeningNews, d => d.Questions.AddRange(SampleItems.Valid(ItemType.ListeningConversation).Questions.Skip(2).Select(q => q with { Number = q.Number })), "questions", "2 或 3" },
        { "conversation with 3 questions", ItemType.ListeningConversation, d => d.Questions.RemoveAt(3), "questions", "4 道题" },
        { "passage with 5 questions", ItemType.ListeningPassage, d => d.Questions.AddRange(SampleItems.Valid(ItemType.CarefulReading).Questions.Skip(3)), "questions", "3 或 4" },
        { "listening without transcript", ItemType.ListeningNews, d => d.Passage = " ", "passage", "听力原文" },
        { "listening without spoken question", ItemType.ListeningPassage, d => d.Questions[1].Stem = "", "questions[2].stem", "播放的问题" },
        { "writing without prompt", ItemType.Writing, d => d.Passage = "", "passage", "题目要求" },
        { "writing min above max", ItemType.Writing, d => d.MinWords = 200, "minWords", "字数要求" },
        { "writing without limits", ItemType.Writing, d => d.MaxWords = null, "minWords", "字数要求" },
        { "writing with questions", ItemType.Writing, d => d.Questions.Add(new QuestionDraft { Number = 1, Explanation = "解析" }), "questions", "不设小题" },
        { "translation 139 characters", ItemType.Translation, d => d.Passage = SampleItems.Chinese(139), "passage", "现在是 139 个" },
        { "translation 161 characters", ItemType.Translation, d => d.Passage = SampleItems.Chinese(161), "passage", "现在是 161 个" },
        { "translation source in English", ItemType.Translation, d => d.Passage = new string('x', 150), "passage", "必须是中文" },
        { "translation without reference", ItemType.Translation, d => d.Reference = null, "reference", "参考译文" },
        { "no Chinese explanation", ItemType.CarefulReading, d => d.Explanation = "Because.", "explanation", "中文" },
        { "question without Chinese explanation", ItemType.CarefulReading, d => d.Questions[2].Explanation = "", "questions[3].explanation", "中文解析" },
        { "difficulty 0", ItemType.Writing, d => d.Difficulty = 0, "difficulty", "1 到 5" },
        { "difficulty 6", ItemType.Writing, d => d.Difficulty = 6, "difficulty", "1 到 5" },
        { "no title", ItemType.Writing, d => d.Title = " ", "title", "标题" },
        { "question numbers skip", ItemType.CarefulReading, d => d.Questions[1].Number = 3, "questions[2].number", "连续编号" },
        { "spelling with options", ItemType.VocabSpelling, d => d.Questions[0].Options.Add("a"), "questions[1].options", "没有选项" },
        { "spelling answer not a word", ItemType.VocabSpelling, d => d.Questions[0].Answer = "ab4ndon", "questions[1].answer", "英文单词" },
        { "drill with two questions", ItemType.VocabMeaningToWord, d => d.Questions.Add(d.Questions[0] with { Number = 2 }), "questions", "恰好有 1 道题" },
        { "too many topics", ItemType.Writing, d => d.Topics = Enumerable.Range(0, 11).Select(i => $"t{i}").ToList(), "topics", "最多 10 个" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenRule_IsReportedOnItsField_WithAMessageSayingWhatIsWrong(string because, ItemType type, Action<ItemDraft> breakIt, string field, string saying)
    {
        var draft = SampleItems.Valid(type).Clone();
        breakIt(draft);

        var errors = ItemShapeRules.Validate(draft);

        Assert.True(errors.Any(e => e.Field == field && e.Message.Contains(saying)),
            $"{because}: expected an error on {field} saying '{saying}', got: {string.Join(" | ", errors)}");
    }
}
