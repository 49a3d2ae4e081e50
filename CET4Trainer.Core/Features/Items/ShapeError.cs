namespace CET4Trainer.Core.Features.Items;

// One broken rule: which field, and what is wrong, in words a teacher can act on.
public sealed record ShapeError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
