namespace Mutualisons.Domain.Publics;

/// <summary>
/// The participation ladder, lowest to highest. The order matters: a higher rung includes what the lower
/// ones give. The aim of a lab is to open up step by step.
/// </summary>
public enum ParticipationLevel
{
    /// <summary>Participants receive good information, with no say.</summary>
    Information = 1,

    /// <summary>Participants tell those in charge what they think.</summary>
    Consultation = 2,

    /// <summary>Participants exchange and confront ideas about the project.</summary>
    Discussion = 3,

    /// <summary>Participants give their opinion on the project as it is being built.</summary>
    Deliberation = 4,

    /// <summary>Participants define and build the process and take part in the final decision.</summary>
    Collaboration = 5,
}
