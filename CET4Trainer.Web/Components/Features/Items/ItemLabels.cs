using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Web.Components.Features.Items;

// Labels for the passage field and its measure, which differ by item type.
public static class ItemLabels
{
    public static string Passage(ItemType type) => type switch
    {
        ItemType.BankedCloze => "文章（用 {{1}} 到 {{10}} 标出空格）",
        ItemType.CarefulReading => "文章",
        ItemType.ListeningNews or ItemType.ListeningConversation or ItemType.ListeningPassage => "听力原文（对话每行以 M: 或 W: 开头）",
        ItemType.Writing => "题目要求（Directions）",
        ItemType.Translation => "中文原文（140-160 字）",
        _ => "题干",
    };

    public static string Measure(ItemType type, string text) => type == ItemType.Translation
        ? $"{TextMeasures.ChineseLength(text)} 字"
        : $"{TextMeasures.EnglishWords(text)} 词";

    public static bool HasPassage(ItemType type) => type is not (ItemType.LongReadingMatching or ItemType.VocabMeaningToWord
        or ItemType.VocabWordToMeaning or ItemType.VocabSpelling or ItemType.VocabWordForm or ItemType.VocabSentenceCompletion);

    public static string Letter(int index) => ((char)('A' + index)).ToString();
}
