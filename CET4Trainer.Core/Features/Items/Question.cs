namespace CET4Trainer.Core.Features.Items;

// One scored question of an item. Writing and translation have a single question that holds the response.
public sealed class Question
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int Number { get; set; }
    public string Stem { get; set; } = "";
    public List<string> Options { get; set; } = [];

    // An option letter (A-D), a word-bank letter (A-O), a paragraph letter, or the word for spelling.
    public string Answer { get; set; } = "";

    public string Explanation { get; set; } = "";

    // Filled in from students' answers (practice issue): facility = share correct,
    // discrimination = upper-minus-lower-group difference.
    public int Attempts { get; set; }
    public int CorrectCount { get; set; }
    public double? Facility { get; set; }
    public double? Discrimination { get; set; }
}
