"""The rule catalogue: every rule, registered explicitly in RULES.

Ids are permanent: a retired id is listed in RETIRED and never reused; a renamed rule keeps its
id. One rule per file, the file named after the id (YS_SUM_001.py for YS-SUM-001).
"""

from __future__ import annotations

from yusuan.check.engine import Rule

# SUM: within-table identities
from yusuan.check.rules.YS_SUM_001 import ParentNotSumOfChildren
from yusuan.check.rules.YS_SUM_002 import TotalNotBasicPlusProject
from yusuan.check.rules.YS_SUM_003 import IncomeTotalNotSumOfSources
from yusuan.check.rules.YS_SUM_004 import TotalRowNotSumOfClasses
from yusuan.check.rules.YS_SUM_005 import ExpenditureSubtotalNotSumOfClasses
from yusuan.check.rules.YS_SUM_006 import IncomeSubtotalNotSumOfItems
from yusuan.check.rules.YS_SUM_007 import IncomeGrandTotalMismatch
from yusuan.check.rules.YS_SUM_008 import ExpenditureGrandTotalMismatch
from yusuan.check.rules.YS_SUM_009 import IncomeExpenditureUnbalanced
from yusuan.check.rules.YS_SUM_010 import SummaryRowNotCurrentPlusCarryover
from yusuan.check.rules.YS_SUM_011 import FiscalSummaryRowNotSumOfFunds
from yusuan.check.rules.YS_SUM_012 import CarryoverNotSumOfFunds
from yusuan.check.rules.YS_SUM_013 import ThreePublicTotalNotSum
from yusuan.check.rules.YS_SUM_014 import ThreePublicVehicleNotSum
from yusuan.check.rules.YS_SUM_015 import ThreePublicRowNotSumOfFunds
from yusuan.check.rules.YS_SUM_016 import EconomicRowNotPersonnelPlusPublic
from yusuan.check.rules.YS_SUM_017 import EconomicTotalNotSumOfClasses
from yusuan.check.rules.YS_SUM_018 import EconomicClassNotSumOfItems
from yusuan.check.rules.YS_SUM_019 import ProjectTotalNotSumOfUnits
from yusuan.check.rules.YS_SUM_020 import ProjectUnitNotSumOfProjects
from yusuan.check.rules.YS_SUM_021 import FundTableRowNotSumOfFunds
from yusuan.check.rules.YS_SUM_022 import AdminRunningTotalNotSumOfUnits

# XTAB: cross-table identities
from yusuan.check.rules.YS_XTAB_001 import SummaryClassDiffersFromExpenditureTable
from yusuan.check.rules.YS_XTAB_002 import SummaryCarryoverDiffersFromIncomeTable
from yusuan.check.rules.YS_XTAB_003 import SummaryCurrentDiffersFromGeneralBudgetTable
from yusuan.check.rules.YS_XTAB_004 import IncomeTableTotalDiffersFromSummary
from yusuan.check.rules.YS_XTAB_005 import SummaryIncomeItemDiffersFromIncomeTable
from yusuan.check.rules.YS_XTAB_006 import FiscalSummaryIncomeDiffersFromSummary
from yusuan.check.rules.YS_XTAB_007 import FiscalSummaryClassDiffersFromSummary
from yusuan.check.rules.YS_XTAB_008 import FiscalGeneralBudgetDiffersFromGeneralBudgetTable
from yusuan.check.rules.YS_XTAB_009 import BasicExpenditureDiffersFromEconomicTable
from yusuan.check.rules.YS_XTAB_010 import ProjectTablesDifferFromExpenditureTable
from yusuan.check.rules.YS_XTAB_011 import CurrentProjectsDifferFromGeneralBudgetTable
from yusuan.check.rules.YS_XTAB_012 import GeneralBudgetTableDiffersFromIncomeTable
from yusuan.check.rules.YS_XTAB_013 import ExclCarryoverTableDiffersFromFullTable
from yusuan.check.rules.YS_XTAB_014 import AdminRunningExceedsPublicCosts
from yusuan.check.rules.YS_XTAB_015 import VehicleOperationDisagreesWithEconomicTable
from yusuan.check.rules.YS_XTAB_016 import CarryoverProjectsExceedCarryover
from yusuan.check.rules.YS_XTAB_017 import GovFundTablesDisagree
from yusuan.check.rules.YS_XTAB_018 import ExpenditureTableDiffersFromIncomeTable
from yusuan.check.rules.YS_XTAB_019 import UnitProjectsDifferFromExpenditureTable

# STRUCT: required tables, sections and metadata
# isort: split
from yusuan.check.rules.YS_STRUCT_001 import RequiredTableMissing
from yusuan.check.rules.YS_STRUCT_002 import EmptyTableNotExplained
from yusuan.check.rules.YS_STRUCT_003 import EmptyTableContradicted
from yusuan.check.rules.YS_STRUCT_004 import MetadataMissing
from yusuan.check.rules.YS_STRUCT_005 import TitleIncomplete
from yusuan.check.rules.YS_STRUCT_006 import BasicProjectColumnsMissing
from yusuan.check.rules.YS_STRUCT_007 import ExpenditureNotToItemLevel
from yusuan.check.rules.YS_STRUCT_008 import EconomicNotToSubclassLevel
from yusuan.check.rules.YS_STRUCT_009 import ThreePublicItemsMissing
from yusuan.check.rules.YS_STRUCT_010 import GlossaryMissing
from yusuan.check.rules.YS_STRUCT_011 import DutiesOrOrganisationMissing
from yusuan.check.rules.YS_STRUCT_012 import AdminRunningCostsUnexplained
from yusuan.check.rules.YS_STRUCT_013 import ProcurementNotStated
from yusuan.check.rules.YS_STRUCT_014 import StateAssetsNotDisclosed
from yusuan.check.rules.YS_STRUCT_015 import PerformanceTargetsMissing
from yusuan.check.rules.YS_STRUCT_016 import ContentWithheld
from yusuan.check.rules.YS_STRUCT_017 import UnitScopeMismatch
from yusuan.check.rules.YS_STRUCT_018 import UnreadableContent

# CLASS: classification codes and names
# isort: split
from yusuan.check.rules.YS_CLASS_001 import FunctionCodeMalformed
from yusuan.check.rules.YS_CLASS_002 import CodeNotUnderParent
from yusuan.check.rules.YS_CLASS_003 import CodeNameInconsistent
from yusuan.check.rules.YS_CLASS_004 import FunctionNameDiffersFromRegistry
from yusuan.check.rules.YS_CLASS_005 import FunctionCodeLegacyOnly
from yusuan.check.rules.YS_CLASS_006 import EconomicNameUnknown
from yusuan.check.rules.YS_CLASS_007 import EconomicSubclassUnderWrongClass
from yusuan.check.rules.YS_CLASS_008 import SummaryClassNameMismatch

# NARR: narrative against tables
# isort: split
from yusuan.check.rules.YS_NARR_001 import NarrativeAmountDiffersFromTable
from yusuan.check.rules.YS_NARR_002 import NarrativeAmountUnverifiable
from yusuan.check.rules.YS_NARR_003 import ShareNotPartOverWhole
from yusuan.check.rules.YS_NARR_004 import SharesDoNotSumTo100
from yusuan.check.rules.YS_NARR_005 import ChangeNotThisMinusLast
from yusuan.check.rules.YS_NARR_006 import RateNotChangeOverLast
from yusuan.check.rules.YS_NARR_007 import ChangeDirectionContradictsFigures
from yusuan.check.rules.YS_NARR_008 import SameAsLastYearButChanged
from yusuan.check.rules.YS_NARR_009 import YearWordMismatch
from yusuan.check.rules.YS_NARR_010 import PerformanceProjectsDifferFromProjectTable
from yusuan.check.rules.YS_NARR_011 import ListedPartsDoNotAddUp
from yusuan.check.rules.YS_NARR_012 import ProcurementSplitNotTotal
from yusuan.check.rules.YS_NARR_013 import UnitCountDiffers
from yusuan.check.rules.YS_NARR_014 import ThreePublicChangeUnexplained
from yusuan.check.rules.YS_NARR_015 import BudgetChangeUnexplained
from yusuan.check.rules.YS_NARR_016 import CompletionRateNotFinalOverBudget

# PERF: performance targets
# isort: split
from yusuan.check.rules.YS_PERF_001 import ProjectWithoutTargetTable
from yusuan.check.rules.YS_PERF_002 import TargetTableMatchesNoProject
from yusuan.check.rules.YS_PERF_003 import TargetFundsDifferFromProject
from yusuan.check.rules.YS_PERF_004 import TargetTotalNotSumOfSources
from yusuan.check.rules.YS_PERF_005 import AnnualFundsExceedImplementationFunds
from yusuan.check.rules.YS_PERF_006 import TargetFundSourceDiffersFromProject
from yusuan.check.rules.YS_PERF_007 import ImplementingUnitDiffersFromProject
from yusuan.check.rules.YS_PERF_008 import IndicatorCategoryMissing
from yusuan.check.rules.YS_PERF_009 import PlaceholderIndicators
from yusuan.check.rules.YS_PERF_010 import TargetTableUnreadable
from yusuan.check.rules.YS_PERF_011 import TargetCoverageBelowPractice
from yusuan.check.rules.YS_PERF_012 import IndicatorAmountContradictsFunds

# FORMAT: malformed numbers, placeholders, blank reasons
# isort: split
from yusuan.check.rules.YS_FORMAT_001 import MalformedNumber
from yusuan.check.rules.YS_FORMAT_002 import AmountWithoutUnit
from yusuan.check.rules.YS_FORMAT_003 import PercentageWithoutPercentSign
from yusuan.check.rules.YS_FORMAT_004 import PlaceholderLeftIn
from yusuan.check.rules.YS_FORMAT_005 import BlankReason
from yusuan.check.rules.YS_FORMAT_006 import MissingNumber
from yusuan.check.rules.YS_FORMAT_007 import AmbiguousTemplateWording
from yusuan.check.rules.YS_FORMAT_008 import DuplicatedParagraph
from yusuan.check.rules.YS_FORMAT_009 import WordingFromOtherGovernmentLevel
from yusuan.check.rules.YS_FORMAT_010 import DigitsSplitInNumber

RULES: list[Rule] = [
    # SUM
    ParentNotSumOfChildren(),
    TotalNotBasicPlusProject(),
    IncomeTotalNotSumOfSources(),
    TotalRowNotSumOfClasses(),
    ExpenditureSubtotalNotSumOfClasses(),
    IncomeSubtotalNotSumOfItems(),
    IncomeGrandTotalMismatch(),
    ExpenditureGrandTotalMismatch(),
    IncomeExpenditureUnbalanced(),
    SummaryRowNotCurrentPlusCarryover(),
    FiscalSummaryRowNotSumOfFunds(),
    CarryoverNotSumOfFunds(),
    ThreePublicTotalNotSum(),
    ThreePublicVehicleNotSum(),
    ThreePublicRowNotSumOfFunds(),
    EconomicRowNotPersonnelPlusPublic(),
    EconomicTotalNotSumOfClasses(),
    EconomicClassNotSumOfItems(),
    ProjectTotalNotSumOfUnits(),
    ProjectUnitNotSumOfProjects(),
    FundTableRowNotSumOfFunds(),
    AdminRunningTotalNotSumOfUnits(),
    # XTAB
    SummaryClassDiffersFromExpenditureTable(),
    SummaryCarryoverDiffersFromIncomeTable(),
    SummaryCurrentDiffersFromGeneralBudgetTable(),
    IncomeTableTotalDiffersFromSummary(),
    SummaryIncomeItemDiffersFromIncomeTable(),
    FiscalSummaryIncomeDiffersFromSummary(),
    FiscalSummaryClassDiffersFromSummary(),
    FiscalGeneralBudgetDiffersFromGeneralBudgetTable(),
    BasicExpenditureDiffersFromEconomicTable(),
    ProjectTablesDifferFromExpenditureTable(),
    CurrentProjectsDifferFromGeneralBudgetTable(),
    GeneralBudgetTableDiffersFromIncomeTable(),
    ExclCarryoverTableDiffersFromFullTable(),
    AdminRunningExceedsPublicCosts(),
    VehicleOperationDisagreesWithEconomicTable(),
    CarryoverProjectsExceedCarryover(),
    GovFundTablesDisagree(),
    ExpenditureTableDiffersFromIncomeTable(),
    UnitProjectsDifferFromExpenditureTable(),
    # STRUCT
    RequiredTableMissing(),
    EmptyTableNotExplained(),
    EmptyTableContradicted(),
    MetadataMissing(),
    TitleIncomplete(),
    BasicProjectColumnsMissing(),
    ExpenditureNotToItemLevel(),
    EconomicNotToSubclassLevel(),
    ThreePublicItemsMissing(),
    GlossaryMissing(),
    DutiesOrOrganisationMissing(),
    AdminRunningCostsUnexplained(),
    ProcurementNotStated(),
    StateAssetsNotDisclosed(),
    PerformanceTargetsMissing(),
    ContentWithheld(),
    UnitScopeMismatch(),
    UnreadableContent(),
    # CLASS
    FunctionCodeMalformed(),
    CodeNotUnderParent(),
    CodeNameInconsistent(),
    FunctionNameDiffersFromRegistry(),
    FunctionCodeLegacyOnly(),
    EconomicNameUnknown(),
    EconomicSubclassUnderWrongClass(),
    SummaryClassNameMismatch(),
    # NARR
    NarrativeAmountDiffersFromTable(),
    NarrativeAmountUnverifiable(),
    ShareNotPartOverWhole(),
    SharesDoNotSumTo100(),
    ChangeNotThisMinusLast(),
    RateNotChangeOverLast(),
    ChangeDirectionContradictsFigures(),
    SameAsLastYearButChanged(),
    YearWordMismatch(),
    PerformanceProjectsDifferFromProjectTable(),
    ListedPartsDoNotAddUp(),
    ProcurementSplitNotTotal(),
    UnitCountDiffers(),
    ThreePublicChangeUnexplained(),
    BudgetChangeUnexplained(),
    CompletionRateNotFinalOverBudget(),
    # PERF
    ProjectWithoutTargetTable(),
    TargetTableMatchesNoProject(),
    TargetFundsDifferFromProject(),
    TargetTotalNotSumOfSources(),
    AnnualFundsExceedImplementationFunds(),
    TargetFundSourceDiffersFromProject(),
    ImplementingUnitDiffersFromProject(),
    IndicatorCategoryMissing(),
    PlaceholderIndicators(),
    TargetTableUnreadable(),
    TargetCoverageBelowPractice(),
    IndicatorAmountContradictsFunds(),
    # FORMAT
    MalformedNumber(),
    AmountWithoutUnit(),
    PercentageWithoutPercentSign(),
    PlaceholderLeftIn(),
    BlankReason(),
    MissingNumber(),
    AmbiguousTemplateWording(),
    DuplicatedParagraph(),
    WordingFromOtherGovernmentLevel(),
    DigitsSplitInNumber(),
]

#: ids no longer in use (never to be reused), with what replaced them
RETIRED: dict[str, str] = {}

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
