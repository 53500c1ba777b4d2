import Testing
@testable import BriefingKit

@Suite struct PersonIdentityTests {
    private func mention(_ name: String) -> PersonMention {
        PersonMention(name: name, surface: name,
                      provenance: Provenance(documentID: "d", paragraphID: "d#p1", sentenceIndex: 1, sentence: "", start: 0, end: 0))
    }

    @Test func initialsDotsHyphensAndAccentsFold() {
        #expect(PersonIdentity.key("Kwame A. Mensah") == "kwame a mensah")
        #expect(PersonIdentity.key("Jean-Noël de La Tour") == PersonIdentity.key("Jean Noel de la Tour"))
    }

    @Test func oneRowPerPersonUnderTheFullestName() {
        let unified = PersonIdentity.unify(["Kwame Mensah", "Kwame A. Mensah", "Mensah", "Mensah Kwame"].map(mention))
        #expect(Set(unified.map(\.name)) == ["Kwame A. Mensah"])
        #expect(unified.count == 4)
    }

    @Test func differentInitialsAreDifferentPeople() {
        let unified = PersonIdentity.unify(["Nguyen Van A", "Nguyen Van B"].map(mention))
        #expect(unified.map(\.name) == ["Nguyen Van A", "Nguyen Van B"])
    }

    @Test func aLoneSurnameJoinsTheOnePersonItNamesOrIsLeftOut() {
        #expect(PersonIdentity.unify(["Okafor"].map(mention)).isEmpty)
        #expect(PersonIdentity.unify(["Souza-Agbo", "Félicienne de Souza-Agbo"].map(mention)).map(\.name)
            == ["Félicienne de Souza-Agbo", "Félicienne de Souza-Agbo"])
        // two people of one surname: the surname alone names neither
        #expect(Set(PersonIdentity.unify(["Ama Mensah", "Kofi Mensah", "Mensah"].map(mention)).map(\.name)) == ["Ama Mensah", "Kofi Mensah"])
        #expect(PersonIdentity.fullName(ofSurname: "Mensah", among: ["Ama Mensah", "Kofi Mensah"]) == nil)
        #expect(PersonIdentity.fullName(ofSurname: "de La Tour", among: ["Jean-Noël de La Tour"]) == "Jean-Noël de La Tour")
    }

    @Test func aTitledLoneSurnameIsAPersonWhenNoFullerNameHoldsIt() {
        func titled(_ name: String, _ surface: String) -> PersonMention {
            PersonMention(name: name, surface: surface,
                          provenance: Provenance(documentID: "d", paragraphID: "d#p1", sentenceIndex: 1, sentence: "", start: 0, end: 0))
        }
        #expect(PersonIdentity.unify([titled("Haddad", "M. Haddad")]).map(\.name) == ["Haddad"])
        // without a title it is still left out; with two people of that surname it names neither
        #expect(PersonIdentity.unify([titled("Haddad", "Haddad")]).isEmpty)
        #expect(Set(PersonIdentity.unify([titled("Ama Mensah", "Ama Mensah"), titled("Kofi Mensah", "Kofi Mensah"),
                                          titled("Mensah", "Mr Mensah")]).map(\.name)) == ["Ama Mensah", "Kofi Mensah"])
    }
}
