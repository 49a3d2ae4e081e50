using CET4Trainer.Core.Features.Analytics;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Tests.Features.Analytics;

public sealed class ClassFiguresTests
{
    private static readonly StudentRef Ann = new("a", "安安"), Bob = new("b", "博博"), Cat = new("c", "猫猫");

    [Fact]
    public void EmptyClass_HasNoSpreads_AnEmptyMap_AndNoItems()
    {
        var overview = ClassFigures.Overview([], []);
        var heat = ClassFigures.Heat([], []);

        Assert.Null(overview.Total);
        Assert.All(overview.Sections, s => Assert.Null(s.Spread));
        Assert.Equal(15, overview.Distribution.Count);
        Assert.All(overview.Distribution, b => Assert.Equal(0, b.Count));
        Assert.Empty(heat.Columns);
        Assert.Empty(heat.Students);
        Assert.Empty(heat.Sections);
        Assert.Empty(ClassFigures.Items([], new Dictionary<int, string>()));
    }

    [Fact]
    public void OneStudent_TheirEstimateIsTheClassSpread()
    {
        // Four news questions right: news 1.0 x 49.7, conversation and passage at the 0.5 prior (28.4 + 71),
        // reading 0.5 x 248.5 = 124.25, writing and translation 53.25 each: 379.85.
        var overview = ClassFigures.Overview([Ann], [.. Facts.Many("a", ItemType.ListeningNews, 4, 0)]);

        Assert.Equal(379.85, overview.Total!.Mean, 6);
        Assert.Equal((1, 379.85, 379.85), (overview.Total.Count, Math.Round(overview.Total.Min, 6), Math.Round(overview.Total.Max, 6)));
        Assert.Equal(149.1, overview.Sections.Single(s => s.Section == Section.Listening).Spread!.Median, 6);
        Assert.Null(overview.Sections.Single(s => s.Section == Section.Reading).Spread);
        Assert.Equal(1, overview.Distribution[7].Count);
    }

    [Fact]
    public void TwoStudentsWithEstimates_AndOneWithout_SpreadOverTheTwo()
    {
        // Bob's news at 0.5: 24.85 + 28.4 + 71 + 124.25 + 106.5 = 355.
        var answers = Facts.Many("a", ItemType.ListeningNews, 4, 0).Concat(Facts.Many("b", ItemType.ListeningNews, 2, 2)).ToList();

        var overview = ClassFigures.Overview([Ann, Bob, Cat], answers);

        Assert.Null(overview.Students.Single(s => s.StudentId == "c").Estimate);
        Assert.Equal(2, overview.Total!.Count);
        Assert.Equal(367.425, overview.Total.Median, 6);
        Assert.Equal(361.2125, overview.Total.Q1, 6);
        Assert.Equal(373.6375, overview.Total.Q3, 6);
        Assert.Equal(2, overview.Distribution[7].Count);
    }

    [Fact]
    public void HeatMap_ColumnsFollowThePaper_AndCellsLineUp()
    {
        var answers = Facts.Many("a", ItemType.ListeningNews, 4, 1)
            .Append(Facts.Essay("a", ItemType.Writing, 12))
            .Concat(Facts.Many("b", ItemType.BankedCloze, 1, 1)).ToList();

        var heat = ClassFigures.Heat([Ann, Bob], answers);

        Assert.Equal([ItemType.Writing, ItemType.ListeningNews, ItemType.BankedCloze], heat.Columns);
        var ann = heat.Students[0];
        Assert.Equal((0.8, HeatBand.TooLittle), (ann.Cells[0].Accuracy!.Value, ann.Cells[0].Band));
        Assert.Equal((0.8, HeatBand.Strong), (ann.Cells[1].Accuracy!.Value, ann.Cells[1].Band));
        Assert.Equal(0, ann.Cells[2].Answered);
        Assert.Equal((2, 0.5), (heat.Students[1].Cells[2].Answered, heat.Students[1].Cells[2].Accuracy!.Value));
        Assert.Equal([1, 5, 2], heat.Class.Cells.Select(c => c.Answered));
        Assert.Equal([(Section.Listening, 5), (Section.Reading, 2), (Section.Writing, 1)], heat.Sections.Select(s => (s.Section, s.Cell.Answered)));
    }

    [Fact]
    public void Items_CountEachStudentsFirstAnswer_AndFlagTheQuestionWeakStudentsGetRight()
    {
        // Q100 and Q200 go with ability, Q300 against it. Abilities over all answers: s1 2/5, s2 and s3 2/4,
        // s4-s6 2/3 (ties kept in id order), so the groups of two are s1, s2 and s5, s6. s1 answers Q300 again,
        // wrongly, later: the first answer stands, so Q300 stays at D = 0 - 1 = -1 rather than -0.5.
        var later = Facts.Monday.AddDays(1);
        var answers = new List<AnswerFact>();
        bool[] q100 = [false, false, true, true, true, true], q200 = [false, false, false, true, true, true], q300 = [true, true, false, false, false, false];
        for (var i = 0; i < 6; i++)
        {
            answers.Add(Facts.Objective($"s{i + 1}", ItemType.CarefulReading, q100[i], 100));
            answers.Add(Facts.Objective($"s{i + 1}", ItemType.CarefulReading, q200[i], 200));
            answers.Add(Facts.Objective($"s{i + 1}", ItemType.CarefulReading, q300[i], 300));
        }
        answers.Add(Facts.Wrong("s1", ItemType.CarefulReading, 300, later));
        answers.AddRange(Enumerable.Range(1, 3).Select(i => Facts.Right($"s{i}", ItemType.CarefulReading, 400)));
        answers.Add(Facts.Essay("s1", ItemType.Writing, 10));

        var items = ClassFigures.Items(answers, new Dictionary<int, string> { [5] = "Passage Four" });

        Assert.Equal([300, 100, 200, 400], items.Select(i => i.QuestionId));
        var q3 = items[0];
        Assert.Equal((6, 2 / 6.0, -1.0, ItemFlag.Negative), (q3.Answered, q3.Facility, q3.Discrimination!.Value, q3.Flag));
        Assert.Equal((4 / 6.0, 1.0, ItemFlag.None), (items[1].Facility, items[1].Discrimination!.Value, items[1].Flag));
        Assert.Equal((3 / 6.0, 1.0), (items[2].Facility, items[2].Discrimination!.Value));
        Assert.Equal((3, 1.0, null, ItemFlag.TooFew), (items[3].Answered, items[3].Facility, items[3].Discrimination, items[3].Flag));
        Assert.Equal("Passage Four", items[3].Title);
    }
}
