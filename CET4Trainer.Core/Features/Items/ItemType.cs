namespace CET4Trainer.Core.Features.Items;

// The exam's item types (cet4-exam.md) plus vocabulary drills, which are practice outside the paper.
public enum ItemType
{
    Writing = 1,
    ListeningNews = 2,
    ListeningConversation = 3,
    ListeningPassage = 4,
    BankedCloze = 5,
    LongReadingMatching = 6,
    CarefulReading = 7,
    Translation = 8,
    VocabMeaningToWord = 20,
    VocabWordToMeaning = 21,
    VocabSpelling = 22,
    VocabWordForm = 23,
    VocabSentenceCompletion = 24,
}

public enum Section
{
    Writing = 1,
    Listening = 2,
    Reading = 3,
    Translation = 4,
    Vocabulary = 5,
}

public enum ItemStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}

public enum ItemSource
{
    Bundled = 0,
    Teacher = 1,
    OfflineGenerator = 2,
    Ai = 3,
}
