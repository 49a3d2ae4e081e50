using CET4Trainer.Core.Features.Analytics;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Tests.Features.Analytics;

public sealed class HeatCellTests
{
    [Fact]
    public void FourQuestions_AreTooLittleEvidence_ThoughTheShareIsShown()
    {
        var cell = HeatCell.Of(Facts.Many("a", ItemType.CarefulReading, 3, 1), essay: false);

        Assert.Equal(0.75, cell.Accuracy);
        Assert.Equal(HeatBand.TooLittle, cell.Band);
    }

    [Theory]
    [InlineData(3, 7, HeatBand.Weak)]
    [InlineData(2, 3, HeatBand.Shaky)]
    [InlineData(6, 4, HeatBand.Fair)]
    [InlineData(4, 1, HeatBand.Strong)]
    public void Bands_StartAtTheirLowerEdge(int right, int wrong, HeatBand band) =>
        Assert.Equal(band, HeatCell.Of(Facts.Many("a", ItemType.BankedCloze, right, wrong), essay: false).Band);

    [Fact]
    public void Essays_CountPoints_AndEachIsWorthThreeQuestionsOfEvidence()
    {
        var one = HeatCell.Of([Facts.Essay("a", ItemType.Writing, 12)], essay: true);
        var two = HeatCell.Of([Facts.Essay("a", ItemType.Writing, 12), Facts.Essay("a", ItemType.Writing, 9)], essay: true);

        Assert.Equal((0.8, HeatBand.TooLittle), (one.Accuracy!.Value, one.Band));
        Assert.Equal(0.7, two.Accuracy!.Value, 9);
        Assert.Equal((6, HeatBand.Fair), (two.Evidence, two.Band));
    }

    [Fact]
    public void NoAnswers_HaveNoAccuracy() => Assert.Equal((null, HeatBand.TooLittle), (HeatCell.Of([], false).Accuracy, HeatCell.Of([], false).Band));
}
