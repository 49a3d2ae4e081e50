using CET4Trainer.Core.Features.Analytics;

namespace CET4Trainer.Tests.Features.Analytics;

public sealed class ItemDiscriminationTests
{
    private static ItemDiscrimination.Response R(double ability, bool correct) => new(ability, correct);

    [Fact]
    public void Facility_IsTheShareRight_AndNothingForNoAnswers()
    {
        Assert.Equal(0.75, ItemDiscrimination.Facility(3, 4));
        Assert.Null(ItemDiscrimination.Facility(0, 0));
    }

    [Fact]
    public void TenAnswerers_UseGroupsOfThree()
    {
        // Groups of ceil(2.7) = 3: the weakest three got 1 of 3, the strongest three 3 of 3: D = 1 - 1/3.
        var responses = new[]
        {
            R(0.9, true), R(0.1, false), R(0.5, false), R(0.2, true), R(1.0, true),
            R(0.3, false), R(0.6, true), R(0.8, true), R(0.4, true), R(0.7, false),
        };

        Assert.Equal(3, ItemDiscrimination.GroupSize(10));
        Assert.Equal(2 / 3.0, ItemDiscrimination.UpperLower(responses)!.Value, 9);
    }

    [Fact]
    public void WeakerStudentsDoingBetter_GivesANegativeIndexAndFlag()
    {
        var responses = new[] { R(0.1, true), R(0.2, true), R(0.5, false), R(0.8, false), R(0.9, true) };

        // Groups of ceil(1.35) = 2: lower 2 of 2 right, upper 1 of 2.
        var d = ItemDiscrimination.UpperLower(responses);

        Assert.Equal(-0.5, d!.Value, 9);
        Assert.Equal(ItemFlag.Negative, ItemDiscrimination.Flag(d));
    }

    [Fact]
    public void FewerThanFiveAnswerers_HaveNoIndex()
    {
        Assert.Null(ItemDiscrimination.UpperLower([R(0, false), R(0.5, true), R(0.7, true), R(1, true)]));
        Assert.Null(ItemDiscrimination.UpperLower([]));
        Assert.Equal(ItemFlag.TooFew, ItemDiscrimination.Flag(null));
    }

    [Theory]
    [InlineData(-0.01, ItemFlag.Negative)]
    [InlineData(0.0, ItemFlag.Low)]
    [InlineData(0.19, ItemFlag.Low)]
    [InlineData(0.2, ItemFlag.None)]
    [InlineData(0.8, ItemFlag.None)]
    public void Flags_FollowTheBands(double d, ItemFlag flag) => Assert.Equal(flag, ItemDiscrimination.Flag(d));
}
