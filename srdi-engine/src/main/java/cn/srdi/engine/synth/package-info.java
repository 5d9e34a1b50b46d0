/**
 * Synthetic enterprise populations for demos, tests and benchmarks: {@link
 * cn.srdi.engine.synth.RegionGenerator} draws a district like 两江新区 (parks 礼嘉, 照母山, 大地,
 * 天海星; focus industries vehicles, equipment, digital economy, biomedicine).
 *
 * <h2>Distributions (万元 = 10,000 CNY; all money rounded to 0.01 万元)</h2>
 * <ul>
 *   <li>Industry: vehicles 30% (C3670 parts, C3919 vehicle electronics, C3841 batteries, C3824, C3891,
 *       C3660, C3612), equipment 29% (C3484, C3491, C4011, C3421, C3311, C3562, C3493, C3441, C3569),
 *       digital 26% (I6513, I6531, I6520, I6450, I6550, C3976, C3974, C3985, I6511), biomedicine 15%
 *       (C2720, C3581, C2761, M7340, C2710, C3586, C2740, C2770). Every code is a known 小类.</li>
 *   <li>Park: 62% of firms sit in one of the four parks, with an (invented) affinity by industry.</li>
 *   <li>Latent strength s ~ N(0,1) per firm drives R&amp;D, IP, market share, flags (one-factor probit
 *       models) and titles; 5% of firms are "sector leaders" (s ≥ 1.5, revenue median 11,000, R&amp;D
 *       6.8–7.5%, market share median 20%, complete forms) that supply most little-giant candidates.</li>
 *   <li>revenue_y1: log-normal, median 2,200–3,600 by industry (overall ≈ 3,000), σ = 1.15, clamped to
 *       15–900,000; y2 and y3 back-computed from yearly growth N(10% + 5%·s, 17%); firms younger than
 *       2 / 3 years (≈ 1% / 5%) leave y2 / y3 blank.</li>
 *   <li>main share: 10% of firms 100%, 74% in 70–100% (skewed high), 16% in 35–70%; earlier years
 *       ±3 points.</li>
 *   <li>R&amp;D / revenue: log-normal, median 1.8% (vehicles), 2.1% (equipment), 3.4% (digital), 3.1%
 *       (biomedicine), shifted by s; y2 = same ratio ± 12%.</li>
 *   <li>net margin N(5% + 2%·s, 7%); total cost ≈ revenue × (98.5% − margin); assets = revenue /
 *       turnover (median 0.9); debt ratio N(48%, 15%) clamped 3–97%.</li>
 *   <li>equity financing: 10–20% of firms (more for strong ones), log-normal median 1,500; 2y ≤ 3y.</li>
 *   <li>employees = revenue / (revenue per head, median 38–85 by industry); R&amp;D staff ≈ 12% (30% in
 *       digital) scaled with R&amp;D intensity; tech staff = R&amp;D staff + 0–15%.</li>
 *   <li>IP: Ⅰ类 count ~ (R&amp;D / 50)^0.55 · e^(0.6 s) with noise, subsets as fractions of it; Ⅱ类
 *       3 + 2 × Ⅰ类 (× 2.5 for the digital economy).</li>
 *   <li>flags: high_tech 40%, quality_cert 66%, own_brand 55%, strategic_emerging 60%, standard_drafting
 *       20%, innovation_honor / quality_award / standard_led 5%; exclusions 1.5% / 0.5% / 0.5% / 1% / 1%,
 *       all five blank in a fifth of rows; declarations blank 35–45%; platform score present for 70% of
 *       titled and 30% of other firms, N(56 + 9 s, 12).</li>
 *   <li>titles: about 37% hold INNOVATIVE, 12% SRDI, 2% LITTLE_GIANT (with TECH_INNOVATIVE beside
 *       INNOVATIVE for dates from 2026-04-01); application_type REVIEW ≈ 10% (titled firms only),
 *       otherwise NEW or blank.</li>
 * </ul>
 * Graded roughly under cn-2022 this gives INNOVATIVE ≈ 62%, SRDI basic conditions ≈ 25%, SRDI ≈ 16%,
 * LITTLE_GIANT ≈ 2% (pass or review), CHAMPION ≈ 0, LARGE ≈ 2%.
 */
package cn.srdi.engine.synth;
