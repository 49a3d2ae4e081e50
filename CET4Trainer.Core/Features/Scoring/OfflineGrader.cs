using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Features.Scoring;

// The offline estimate of a writing or translation score from measurable features. It is an
// estimate, labelled as such, until the AI grading service replaces it with the provider chain.
public sealed class OfflineGrader(Func<string, bool> isKnownWord, IOptions<ScoringOptions> options)
{
    public const string EngineName = "离线估算";

    // The exam's standard direction wording says nothing about the topic.
    private static readonly HashSet<string> DirectionWords =
        ["direction", "directions", "part", "allow", "allowed", "minute", "minutes", "write", "writ", "essay", "least",
         "word", "words", "follow", "following", "based", "comment", "topic", "short", "should", "entitl", "entitled"];

    public EssayGrade GradeWriting(string essay, string prompt, int minWords, int maxWords)
    {
        var f = TextFeatures.Of(essay, isKnownWord);
        if (f.Words < 10) return Blank(f.Words, "内容过少，无法评分（0 分档：空白或只有孤立的词语）。");
        // Off topic: the essay shares not one content word with what the prompt asks about.
        var promptWords = TextFeatures.Of(prompt, isKnownWord).ContentWords.Where(w => !DirectionWords.Contains(w)).ToHashSet();
        var offTopic = promptWords.Count > 0 && !f.ContentWords.Any(promptWords.Contains);

        // Each feature gives a share of the 15 points; together they approximate the band descriptors.
        var length = Math.Clamp(f.Words / (double)minWords, 0, 1);
        var structure = Math.Clamp(f.Sentences / 7.0, 0, 1) * 0.5 + Math.Clamp(f.SentenceLengthSpread / 5.0, 0, 1) * 0.5;
        var cohesion = Math.Clamp(f.Connectives / 4.0, 0, 1);
        var vocabulary = Math.Clamp((f.TypeTokenRatio - 0.35) / 0.3, 0, 1) * 0.5 + Math.Clamp((f.KnownWordShare - 0.7) / 0.25, 0, 1) * 0.5;
        var raw = 15 * (0.25 * length + 0.25 * structure + 0.2 * cohesion + 0.3 * vocabulary);
        if (offTopic) raw = Math.Min(raw, 4);

        var shortBy = Math.Max(0, minWords - f.Words);
        var deduction = Math.Min(options.Value.MaxLengthDeduction, shortBy / 10 * options.Value.DeductionPerTenWordsShort);
        var score = (int)Math.Clamp(Math.Round(raw) - deduction, 0, 15);
        var strengths = new List<string>();
        var improvements = new List<string>();
        if (f.Connectives >= 3) strengths.Add($"使用了 {f.Connectives} 个衔接词，段落之间有逻辑联系。"); else improvements.Add("多用 however, therefore, in addition 等衔接词，让论证更连贯。");
        if (f.SentenceLengthSpread >= 4) strengths.Add("句子长短结合，句式有变化。"); else improvements.Add("句式较单一，可以加入复合句、从句，长短句结合。");
        if (f.TypeTokenRatio >= 0.5) strengths.Add("用词较丰富，重复少。"); else improvements.Add("用词重复较多，尝试使用同义词和更准确的表达。");
        if (f.KnownWordShare < 0.85) improvements.Add("有较多词不在四级词表中，请检查拼写。");
        if (shortBy > 0) improvements.Add($"字数 {f.Words} 词，少于最低要求 {minWords} 词，扣 {deduction} 分。");
        if (f.Words > maxWords) improvements.Add($"字数 {f.Words} 词，超过 {maxWords} 词的上限，考试中应控制篇幅。");
        if (offTopic) improvements.Add("文章与题目要求的关键词几乎没有重合，可能离题。");
        var band = Bands.WritingBand(score);
        return new EssayGrade(score, band, Bands.Scaled(score), EngineName,
            $"{EngineName}：{score} 分（{band} 分档：{Bands.WritingBandDescription(band)}）。这是根据篇幅、句式、衔接与用词估算的分数，仅供参考。",
            strengths, improvements, f.Words, deduction, offTopic);
    }

    public EssayGrade GradeTranslation(string translation, string reference)
    {
        var f = TextFeatures.Of(translation, isKnownWord);
        if (f.Words < 5) return Blank(f.Words, "未作答或只有几个孤立的词。");
        var r = TextFeatures.Of(reference, isKnownWord);
        var recall = r.ContentWords.Count == 0 ? 0 : f.ContentWords.Count(r.ContentWords.Contains) / (double)r.ContentWords.Count;
        var ratio = f.Words / (double)Math.Max(1, r.Words);
        var lengthFit = ratio switch { < 0.4 => ratio / 0.4 * 0.5, < 0.7 => 0.5 + (ratio - 0.4), > 1.6 => 0.7, _ => 1.0 };
        var fluency = Math.Clamp((f.KnownWordShare - 0.7) / 0.25, 0, 1);
        var raw = 15 * (0.6 * Math.Clamp(recall / 0.55, 0, 1) + 0.25 * lengthFit + 0.15 * fluency);
        var score = (int)Math.Clamp(Math.Round(raw), 0, 15);
        var strengths = new List<string>();
        var improvements = new List<string>();
        if (recall >= 0.4) strengths.Add("译文覆盖了参考译文中的大部分关键词。"); else improvements.Add("不少关键意思没有译出，对照参考译文检查遗漏。");
        if (ratio < 0.7) improvements.Add("译文明显短于参考译文，可能漏译了句子。");
        if (f.KnownWordShare < 0.85) improvements.Add("有较多词不在四级词表中，请检查拼写。");
        var (low, high) = Bands.TranslationRange(score);
        return new EssayGrade(score, low == 0 ? 0 : (low + high) / 2, Bands.Scaled(score), EngineName,
            $"{EngineName}：{score} 分（{low}-{high} 分档：{Bands.TranslationDescription(score)}）。根据与参考译文的关键词重合度、篇幅和用词估算，仅供参考。",
            strengths, improvements, f.Words, 0, false);
    }

    private static EssayGrade Blank(int words, string why) =>
        new(0, 0, 0, EngineName, $"{EngineName}：0 分。{why}", [], ["请按要求完整作答。"], words, 0, false);
}
