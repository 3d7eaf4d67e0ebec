import Runtime
import Semantics
import Testing

/// How a value is shown is decided in one place (`ShownValue`, `ShownUnit`, `Spread`): these pin
/// the decisions every figure relies on.
@Suite struct ShownValueTests {
    let table = UnitTable.builtIn

    @Test func shapesCoverEveryStorage() {
        let samples = Samples(count: 4, steps: nil, numbers: [1, 2, 3, 4])
        let perStep = Samples(count: 2, steps: 3, numbers: [1, 2, 3, 4, 5, 6])
        #expect(ShownValue(.scalar(2)).number == 2)
        #expect(ShownValue(.scalar(2)).isSingle)
        #expect(ShownValue(.series([1, 2, 3], .dimensionless)).steps == 3)
        #expect(!ShownValue(.never(.time)).isSingle)
        #expect(ShownValue(.uncertain(samples, .dimensionless)).isSingle)
        #expect(ShownValue(.uncertain(perStep, .dimensionless)).steps == 3)
        #expect(ShownValue(.uncertain(perStep, .dimensionless)).shapeDescription == "an uncertain series")
        #expect(ShownValue(.uncertain(samples, .dimensionless)).number == nil)
    }

    @Test func centresRepeatSingleValuesAndRefuseOtherTimelines() {
        #expect(ShownValue(.scalar(5)).centres(over: 3) == [5, 5, 5])
        #expect(ShownValue(.series([1, 2], .dimensionless)).centres(over: 3) == nil)
        #expect(ShownValue(.never(.time)).centres(over: 2)?.allSatisfy(\.isNaN) == true)
        let samples = Samples(count: 3, steps: nil, numbers: [10, 20, 30])
        #expect(ShownValue(.uncertain(samples, .dimensionless)).centres(over: 2) == [20, 20])
    }

    @Test func oneUnitForEveryStepOfASeries() {
        let gigabyte = table.unit(named: "GB")!.factor
        let unit = ShownUnit(covering: [0.2 * gigabyte, 3 * gigabyte, .infinity], dimension: .data,
                             label: UnitLabel())
        #expect(unit.name == "GB")
        #expect(unit.amount(0.2 * gigabyte) == 0.2)
        // With nothing finite to size it by, a unit is still chosen.
        #expect(ShownUnit(covering: [.nan], dimension: .data, label: UnitLabel()).name == "B")
    }

    @Test func theTypesLabelWinsOverTheValuesOwn() {
        let month = table.unit(named: "month")!
        let shown = ShownValue(.scalar(3 * month.factor, .time), label: UnitLabel(month))
        #expect(shown.text() == "3 months")
        #expect(shown.text(atStep: 7) == "3 months")
        #expect(ShownValue(.never(.time)).text(atStep: 0) == "never")
    }

    @Test func spreadRowsAreThePercentilesExplainPrints() {
        let samples = Samples(count: 5, steps: nil, numbers: [1, 2, 3, 4, 5])
        let spread = ShownValue(.uncertain(samples, .dimensionless)).spread
        #expect(spread?.medians == [3])
        #expect(spread?.rows.first?.last == 3)   // the mean
        #expect(ShownValue(.scalar(1)).spread == nil)
    }
}
