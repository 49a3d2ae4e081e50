namespace CET4Trainer.Tests.TestSupport;

public static class SamplePassages
{
    // About 170 words of plain CET-4 prose, for the banked-cloze generator.
    public const string Notebook =
        "Many students now keep a small notebook of new words. Researchers at a university followed two groups of learners " +
        "for an entire semester to see whether this simple habit makes a real difference. The first group wrote down every " +
        "unfamiliar expression they met in class and reviewed the list before going to sleep. The second group relied on " +
        "memory alone. At the end of the term, the notebook group could recall far more vocabulary and used it more " +
        "accurately in their essays. The researchers believe the benefit comes from two sources. Writing a word by hand " +
        "forces the learner to notice its spelling, and a regular review strengthens the connection between the word and " +
        "its meaning. However, they also warn that a notebook is useful only if students actually return to it.";
}
