namespace CET4Trainer.Core.Features.Items;

public static class ItemTypes
{
    public static Section SectionOf(ItemType type) => type switch
    {
        ItemType.Writing => Section.Writing,
        ItemType.ListeningNews or ItemType.ListeningConversation or ItemType.ListeningPassage => Section.Listening,
        ItemType.BankedCloze or ItemType.LongReadingMatching or ItemType.CarefulReading => Section.Reading,
        ItemType.Translation => Section.Translation,
        _ => Section.Vocabulary,
    };

    public static bool IsVocabulary(ItemType type) => SectionOf(type) == Section.Vocabulary;

    // Writing and translation are answered with free text and scored holistically.
    public static bool IsConstructedResponse(ItemType type) => type is ItemType.Writing or ItemType.Translation;

    public static bool IsMultipleChoice(ItemType type) => type is ItemType.CarefulReading or ItemType.ListeningNews
        or ItemType.ListeningConversation or ItemType.ListeningPassage or ItemType.VocabMeaningToWord
        or ItemType.VocabWordToMeaning or ItemType.VocabWordForm or ItemType.VocabSentenceCompletion;

    public static string ChineseName(ItemType type) => type switch
    {
        ItemType.Writing => "写作",
        ItemType.ListeningNews => "听力·新闻报道",
        ItemType.ListeningConversation => "听力·长对话",
        ItemType.ListeningPassage => "听力·短文与讲座",
        ItemType.BankedCloze => "选词填空",
        ItemType.LongReadingMatching => "长篇阅读",
        ItemType.CarefulReading => "仔细阅读",
        ItemType.Translation => "翻译",
        ItemType.VocabMeaningToWord => "词汇·看释义选单词",
        ItemType.VocabWordToMeaning => "词汇·看单词选释义",
        ItemType.VocabSpelling => "词汇·听音拼写",
        ItemType.VocabWordForm => "词汇·词形变化",
        ItemType.VocabSentenceCompletion => "词汇·句子填空",
        _ => type.ToString(),
    };

    public static string ChineseName(Section section) => section switch
    {
        Section.Writing => "写作",
        Section.Listening => "听力",
        Section.Reading => "阅读",
        Section.Translation => "翻译",
        Section.Vocabulary => "词汇",
        _ => section.ToString(),
    };

    public static string ChineseName(ItemStatus status) => status switch
    {
        ItemStatus.Draft => "草稿",
        ItemStatus.Published => "已发布",
        ItemStatus.Archived => "已归档",
        _ => status.ToString(),
    };

    public static string ChineseName(ItemSource source) => source switch
    {
        ItemSource.Bundled => "内置",
        ItemSource.Teacher => "教师",
        ItemSource.OfflineGenerator => "离线生成",
        ItemSource.Ai => "AI 生成",
        _ => source.ToString(),
    };

    // Question counts of the listening groups, as in the paper (2+2+3, 4+4, 3+3+4).
    public static (int Min, int Max) ListeningQuestionCount(ItemType type) => type switch
    {
        ItemType.ListeningNews => (2, 3),
        ItemType.ListeningConversation => (4, 4),
        ItemType.ListeningPassage => (3, 4),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
