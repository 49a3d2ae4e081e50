namespace CET4Trainer.Core.Features.Scoring;

// Holistic 0-15 scores to the exam's bands (cet4-exam.md). The band table lives here, not in a prompt.
public static class Bands
{
    public static int WritingBand(int score) => score switch
    {
        >= 13 => 14,
        >= 10 => 11,
        >= 7 => 8,
        >= 4 => 5,
        >= 1 => 2,
        _ => 0,
    };

    public static string WritingBandDescription(int band) => band switch
    {
        14 => "切题，表达思想清楚，文字通顺、连贯，基本上无语言错误",
        11 => "切题，表达思想清楚，文字较连贯，但有少量语言错误",
        8 => "基本切题，有些地方表达思想不够清楚，文字勉强连贯，语言错误相当多，其中有一些是严重错误",
        5 => "基本切题，表达思想不清楚，连贯性差，有较多的严重语言错误",
        2 => "条理不清，思路紊乱，语言支离破碎或大部分句子均有错误",
        _ => "白卷、离题，或只有孤立的词语",
    };

    public static (int Low, int High) TranslationRange(int score) => score switch
    {
        >= 13 => (13, 15),
        >= 10 => (10, 12),
        >= 7 => (7, 9),
        >= 4 => (4, 6),
        >= 1 => (1, 3),
        _ => (0, 0),
    };

    public static string TranslationDescription(int score) => score switch
    {
        >= 13 => "译文准确表达了原文的意思，用词贴切，行文流畅，基本无语言错误",
        >= 10 => "译文基本表达了原文的意思，文字较通顺、连贯，无重大语言错误",
        >= 7 => "译文勉强表达了原文的意思，用词欠准确，语言错误相当多，其中有些是严重语言错误",
        >= 4 => "译文仅表达了小部分原文的意思，用词不准确，有相当多的严重语言错误",
        >= 1 => "译文支离破碎，除个别词语或句子，绝大部分文字没有表达原文意思",
        _ => "未作答，或只有几个孤立的词，或译文与原文毫不相关",
    };

    public static double Scaled(int score) => score * ExamScale.ScaleFactor;
}
