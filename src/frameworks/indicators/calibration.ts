// Written by `kingsway calibrate --write` (src/calibration/fit.ts): the calibrated method of the indicator years,
// fitted on ILACS inspections that ended before 2023 only. Do not edit by hand; refit instead. docs/today.md explains it.
import type { Calibration } from '../../calibration/model.ts';

export const CALIBRATION: Calibration = {
  "method": "ordinal-logistic",
  "fittedOn": "2026-12-01",
  "trainingSet": {
    "description": "ILACS inspections with an overall effectiveness judgement that ended before 2023-01-01, each with the indicator year published before it began and its previous inspection as at the day before",
    "endedBefore": "2023-01-01",
    "inspections": [
      "354:2018-02-09",
      "931:2018-04-20",
      "312:2018-04-27",
      "350:2018-05-04",
      "304:2018-05-25",
      "341:2018-05-25",
      "384:2018-06-15",
      "311:2018-06-22",
      "884:2018-06-22",
      "815:2018-07-06",
      "874:2018-07-06",
      "303:2018-07-20",
      "845:2018-07-20",
      "846:2018-07-20",
      "805:2018-07-27",
      "851:2018-09-14",
      "801:2018-09-21",
      "380:2018-09-28",
      "313:2018-10-12",
      "355:2018-10-12",
      "370:2018-10-19",
      "919:2018-10-19",
      "383:2018-11-02",
      "309:2018-11-09",
      "332:2018-11-09",
      "879:2018-11-09",
      "381:2018-11-23",
      "881:2018-11-23",
      "305:2018-11-30",
      "921:2018-11-30",
      "890:2018-12-07",
      "330:2018-12-14",
      "873:2019-01-18",
      "810:2019-01-25",
      "353:2019-02-01",
      "871:2019-02-01",
      "320:2019-02-08",
      "860:2019-02-08",
      "861:2019-02-15",
      "316:2019-02-22",
      "301:2019-03-01",
      "358:2019-03-08",
      "938:2019-03-08",
      "308:2019-03-15",
      "803:2019-03-15",
      "896:2019-03-22",
      "935:2019-04-12",
      "317:2019-05-03",
      "390:2019-05-03",
      "850:2019-05-03",
      "925:2019-05-03",
      "302:2019-05-24",
      "357:2019-05-24",
      "808:2019-05-24",
      "872:2019-06-14",
      "865:2019-06-19",
      "211:2019-06-21",
      "382:2019-06-21",
      "344:2019-06-28",
      "885:2019-06-28",
      "830:2019-07-12",
      "866:2019-07-12",
      "209:2019-07-19",
      "877:2019-07-19",
      "373:2019-07-26",
      "887:2019-07-26",
      "205:2019-09-13",
      "207:2019-09-13",
      "213:2019-09-13",
      "840:2019-09-20",
      "870:2019-09-27",
      "342:2019-10-04",
      "855:2019-10-04",
      "420:2019-10-18",
      "891:2019-10-18",
      "908:2019-10-18",
      "314:2019-10-25",
      "307:2019-11-08",
      "204:2019-11-22",
      "334:2019-11-22",
      "883:2019-11-22",
      "852:2019-11-29",
      "895:2019-11-29",
      "806:2019-12-06",
      "811:2019-12-06",
      "203:2019-12-13",
      "821:2020-01-24",
      "868:2020-01-24",
      "878:2020-01-31",
      "894:2020-01-31",
      "929:2020-01-31",
      "306:2020-02-14",
      "310:2020-02-14",
      "201:2020-03-06",
      "206:2020-03-13",
      "392:2020-03-13",
      "802:2020-03-13",
      "857:2020-03-13",
      "876:2020-03-13",
      "394:2021-07-09",
      "856:2021-10-01",
      "838:2021-10-08",
      "335:2021-10-15",
      "812:2021-10-15",
      "340:2021-10-22",
      "351:2021-11-05",
      "826:2021-11-05",
      "384:2021-11-19",
      "822:2021-11-26",
      "937:2021-12-03",
      "319:2021-12-10",
      "391:2021-12-10",
      "825:2021-12-17",
      "839:2021-12-17",
      "823:2022-01-21",
      "936:2022-01-28",
      "318:2022-02-04",
      "889:2022-02-04",
      "893:2022-02-11",
      "916:2022-02-18",
      "371:2022-02-25",
      "315:2022-03-04",
      "343:2022-03-04",
      "383:2022-03-04",
      "800:2022-03-04",
      "816:2022-03-18",
      "869:2022-03-18",
      "831:2022-03-25",
      "336:2022-04-01",
      "352:2022-04-01",
      "356:2022-04-01",
      "880:2022-04-01",
      "202:2022-04-29",
      "333:2022-05-20",
      "359:2022-05-20",
      "840:2022-05-20",
      "886:2022-05-20",
      "867:2022-06-17",
      "331:2022-07-01",
      "372:2022-07-01",
      "821:2022-07-22",
      "316:2022-07-29",
      "884:2022-07-29",
      "933:2022-07-29",
      "892:2022-09-05",
      "807:2022-09-22",
      "210:2022-09-30",
      "813:2022-10-14",
      "861:2022-10-14",
      "940:2022-10-14",
      "941:2022-10-14",
      "841:2022-10-21",
      "208:2022-11-04",
      "332:2022-11-11",
      "334:2022-11-11",
      "212:2022-11-18",
      "926:2022-11-18",
      "810:2022-11-25",
      "358:2022-12-02",
      "380:2022-12-02",
      "393:2022-12-09",
      "888:2022-12-09",
      "890:2022-12-16"
    ],
    "byGrade": [
      23,
      52,
      63,
      25
    ]
  },
  "penalty": {
    "lambda": 30,
    "chosenBy": "five-fold cross-validation within the training set (held-out log-likelihood per inspection, of 0.1, 0.3, 1, 3, 10, 30, 100, 300)"
  },
  "features": [
    {
      "spec": {
        "kind": "previous-grade",
        "id": "previous-grade",
        "label": "previous inspection"
      },
      "scale": 1,
      "weight": 0.815394
    },
    {
      "spec": {
        "kind": "previous-none",
        "id": "previous-none",
        "label": "no graded previous inspection"
      },
      "scale": 1,
      "weight": -0.576779
    },
    {
      "spec": {
        "kind": "indicator",
        "id": "agency",
        "label": "agency social workers",
        "indicator": "Work_Force_Agecy_Rate"
      },
      "scale": 12.152801,
      "weight": 0.237321
    },
    {
      "spec": {
        "kind": "indicator",
        "id": "vacancies",
        "label": "social worker vacancies",
        "indicator": "Work_Force_Vac_Rate"
      },
      "scale": 11.783555,
      "weight": 0.046121
    },
    {
      "spec": {
        "kind": "indicator",
        "id": "turnover",
        "label": "social worker turnover",
        "indicator": "Work_Force_TO_Rate"
      },
      "scale": 9.601048,
      "weight": -0.054492
    },
    {
      "spec": {
        "kind": "indicator",
        "id": "caseload",
        "label": "average social worker caseload",
        "indicator": "Work_Force_AvgNumCase_SW"
      },
      "scale": 2.401737,
      "weight": 0.250441
    },
    {
      "spec": {
        "kind": "indicator",
        "id": "assessments-on-time",
        "label": "assessments completed within 45 working days",
        "indicator": "Continue_Assess_Comp"
      },
      "scale": 9.750327,
      "weight": 0.223009
    },
    {
      "spec": {
        "kind": "indicator",
        "id": "conferences-on-time",
        "label": "initial child protection conferences within 15 days",
        "indicator": "CP_conf_15days"
      },
      "scale": 11.383767,
      "weight": 0.112732
    },
    {
      "spec": {
        "kind": "indicator",
        "id": "re-referrals",
        "label": "re-referrals within 12 months",
        "indicator": "ReReferral"
      },
      "scale": 5.293725,
      "weight": 0.11462
    },
    {
      "spec": {
        "kind": "indicator",
        "id": "repeat-plans",
        "label": "repeat child protection plans",
        "indicator": "PrevRegCPR"
      },
      "scale": 5.570046,
      "weight": 0.109422
    },
    {
      "spec": {
        "kind": "block-c-net",
        "id": "block-c",
        "label": "Block C: indicators better than comparators, net"
      },
      "scale": 0.215673,
      "weight": 0.289088
    },
    {
      "spec": {
        "kind": "block-a-net",
        "id": "block-a",
        "label": "Block A: settings good or better against England"
      },
      "scale": 0.1539,
      "weight": 0.140447
    }
  ],
  "cutOffs": [
    -2.577491,
    -0.710762,
    1.439584
  ]
};
