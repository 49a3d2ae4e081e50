using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Scoring;

// The exam's weights (cet4-exam.md): raw points per question by type, raw x 7.1 = scaled, 710 in all.
public static class ExamScale
{
    public const double ScaleFactor = 7.1;
    public const double HolisticMax = 15;
    public const double TotalScaled = 710;

    public static double RawPointsPerQuestion(ItemType type) => type switch
    {
        ItemType.Writing or ItemType.Translation => HolisticMax,
        ItemType.ListeningNews or ItemType.ListeningConversation => 1,
        ItemType.ListeningPassage => 2,
        ItemType.BankedCloze => 0.5,
        ItemType.LongReadingMatching => 1,
        ItemType.CarefulReading => 2,
        _ => 0,
    };

    public static double ScaledPointsPerQuestion(ItemType type) => RawPointsPerQuestion(type) * ScaleFactor;

    // Reported sections: listening and reading 248.5 each, writing and translation together 213.
    public static double SectionMax(Section section) => section switch
    {
        Section.Listening => 35 * ScaleFactor,
        Section.Reading => 35 * ScaleFactor,
        Section.Writing => 15 * ScaleFactor,
        Section.Translation => 15 * ScaleFactor,
        _ => 0,
    };

    // Raw points each type carries in a full paper (7, 8, 20, 5, 10, 20, 15, 15 = 100).
    public static double PaperRawPoints(ItemType type) => type switch
    {
        ItemType.ListeningNews => 7,
        ItemType.ListeningConversation => 8,
        ItemType.ListeningPassage => 20,
        ItemType.BankedCloze => 5,
        ItemType.LongReadingMatching => 10,
        ItemType.CarefulReading => 20,
        ItemType.Writing => 15,
        ItemType.Translation => 15,
        _ => 0,
    };

    // Minutes a question of the type takes in the exam, from the part times and question counts.
    public static double MinutesPerQuestion(ItemType type) => type switch
    {
        ItemType.Writing or ItemType.Translation => 30,
        ItemType.ListeningNews or ItemType.ListeningConversation or ItemType.ListeningPassage => 1,
        ItemType.BankedCloze => 0.8,
        ItemType.LongReadingMatching => 1.4,
        ItemType.CarefulReading => 2,
        _ => 0.5,
    };

    public static readonly ItemType[] PaperTypes =
    [
        ItemType.Writing, ItemType.ListeningNews, ItemType.ListeningConversation, ItemType.ListeningPassage,
        ItemType.BankedCloze, ItemType.LongReadingMatching, ItemType.CarefulReading, ItemType.Translation,
    ];
}
